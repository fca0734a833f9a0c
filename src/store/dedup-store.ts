import type { BucketEntry, Posting } from '../nlp/dedup/index-store.js';

/**
 * The binary layouts the two backends of the dedup index (dedup-redis.ts with its Lua scripts,
 * dedup-memory.ts) share: bucket entries, members, postings and link lists as the index keeps them.
 * What the backends must do is `DedupStore` (src/nlp/dedup/index-store.ts); the metadata slot's
 * layout is src/nlp/dedup/meta-slot.ts (the decisions write it).
 */

/**
 * Entries as the register script reads them: 11 bytes each (kind, shard u32, field u32, position u16).
 * The bucket's field in Redis is the kind and the field's low 3 bytes (the shard already separates on
 * the other hash bits); passage fingerprints, the most numerous, use the 3 bytes alone.
 */
export const ENTRY_SIZE = 11;

export function encodeEntries(entries: readonly BucketEntry[]): Buffer {
  const out = Buffer.alloc(entries.length * ENTRY_SIZE);
  entries.forEach((entry, i) => {
    const at = i * ENTRY_SIZE;
    out.write(entry.kind, at, 'latin1');
    out.writeUInt32LE(entry.shard >>> 0, at + 1);
    out.writeUInt32LE(entry.field >>> 0, at + 5);
    out.writeUInt16LE(Math.min(entry.position ?? 0, 0xffff), at + 9);
  });
  return out;
}

/** Bucket members (exact, near bands, event keys): 3-byte article numbers. */
export function decodeMembers(raw: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at + 3 <= raw.length; at += 3) out.push(raw.readUIntLE(at, 3));
  return out;
}

/** Story members: 4-byte article numbers. */
export function decodeNums(raw: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at + 4 <= raw.length; at += 4) out.push(raw.readUInt32LE(at));
  return out;
}

/**
 * Passage postings: 5 bytes each (num u24, position u16), the most numerous values of the index (64
 * an article). Article numbers therefore stop at 2^24 (16.7 million articles in one index).
 */
export const MAX_ARTICLES = 2 ** 24;

/** Postings of 3-byte article numbers and a position (fingerprint position or claim number) of `positionBytes`. */
function decodePostingsOf(raw: Buffer, positionBytes: 1 | 2): Posting[] {
  const size = 3 + positionBytes;
  const out: Posting[] = [];
  for (let at = 0; at + size <= raw.length; at += size) out.push({ num: raw.readUIntLE(at, 3), position: raw.readUIntLE(at + 3, positionBytes) });
  return out;
}

function encodePostingOf(num: number, position: number, positionBytes: 1 | 2): Buffer {
  if (num >= MAX_ARTICLES) throw new Error(`dedup: the index holds at most ${MAX_ARTICLES} articles`);
  const out = Buffer.alloc(3 + positionBytes);
  out.writeUIntLE(num, 0, 3);
  out.writeUIntLE(Math.min(position, 2 ** (8 * positionBytes) - 1), 3, positionBytes);
  return out;
}

export function decodePostings(raw: Buffer): Posting[] {
  return decodePostingsOf(raw, 2);
}

export function encodePosting(num: number, entry: BucketEntry): Buffer {
  return encodePostingOf(num, entry.position ?? 0, 2);
}

/**
 * Claims key postings: 4 bytes each (num u24, claim u8). A key keeps its `claimPostingsCap` most
 * recent postings (16: 64 bytes, so its shard stays a listpack).
 */
export function decodeClaimPostings(raw: Buffer): Posting[] {
  return decodePostingsOf(raw, 1);
}

export function encodeClaimPosting(num: number, claim: number): Buffer {
  return encodePostingOf(num, claim, 1);
}

/**
 * The links an article found, as the index keeps them (dedup-common.lua's linksKey): one string,
 * "field\u001fvalue\u001e" per link (fields and values as src/nlp/dedup/links.ts writes them), in
 * the order the article recorded them.
 */
export function decodeLinkList(list: string): Array<[string, string]> {
  return list
    .split('\u001e')
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const at = entry.indexOf('\u001f');
      return [entry.slice(0, at), entry.slice(at + 1)];
    });
}
