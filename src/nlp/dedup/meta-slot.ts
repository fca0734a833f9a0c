import type { ArticleMeta } from './index-store.js';
import { EVENT_SKETCH_BYTES, decodeEventSketch } from './event.js';

/**
 * Layout of the metadata slot that every backend keeps per article (the decisions write it, the
 * backends store it and read it back): id (8 bytes) | publishedAt u32 | source index u16 | content
 * hash (8 bytes) | sample count u16 | sample shape u8 (level and bound, `sampleByte` in sample.ts) | event sketch (`EVENT_SKETCH_BYTES`, event.ts).
 * Until the event sketch, the slot ended with an 18-permutation topic MinHash (36 bytes) instead.
 */
export const META_HEADER = 25;
export const META_SOURCE_OFFSET = 12;

export function metaSlotSize(): number {
  return META_HEADER + EVENT_SKETCH_BYTES;
}

export function encodeMeta(id: string, publishedAt: number | null, contentHash: string, sampleCount: number, sampleLevel: number, eventSketch: Buffer = Buffer.alloc(EVENT_SKETCH_BYTES)): Buffer {
  const header = Buffer.alloc(META_HEADER);
  Buffer.from(id, 'hex').copy(header, 0, 0, 8);
  header.writeUInt32LE(publishedAt ?? 0, 8);
  header.writeUInt16LE(0xffff, META_SOURCE_OFFSET);
  Buffer.from(contentHash.slice(0, 16), 'hex').copy(header, 14);
  header.writeUInt16LE(sampleCount, 22);
  header.writeUInt8(sampleLevel, 24);
  return Buffer.concat([header, eventSketch.subarray(0, EVENT_SKETCH_BYTES), Buffer.alloc(Math.max(0, EVENT_SKETCH_BYTES - eventSketch.length))]);
}

export function decodeMeta(num: number, slot: Buffer, sourceName: (index: number) => string | null): ArticleMeta {
  const publishedAt = slot.readUInt32LE(8);
  const sourceIndex = slot.readUInt16LE(META_SOURCE_OFFSET);
  return {
    num,
    id: slot.subarray(0, 8).toString('hex'),
    publishedAt: publishedAt === 0 ? null : publishedAt,
    source: sourceIndex === 0xffff ? null : sourceName(sourceIndex),
    contentHash: slot.subarray(14, 22).toString('hex'),
    sampleCount: slot.readUInt16LE(22),
    sampleLevel: slot.readUInt8(24),
    event: decodeEventSketch(slot.subarray(META_HEADER, META_HEADER + EVENT_SKETCH_BYTES)),
  };
}
