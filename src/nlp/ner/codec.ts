import { TAG_COUNT } from './tags.js';
import type { NerWeights } from './model.js';
import { packRows } from './packed-rows.js';
import { formatClusters, parseClusters, type WordClusters } from './clusters.js';

// Weights file layout (little-endian), gzip-compressed by whoever writes it to disk:
//   "KNER" | u32 format | u32 bucketBits | u32 featureVersion | u32 tagCount | f32 scale
//   f32 × (tagCount + 1) × tagCount   transitions
//   u32 rowCount | u32 × rowCount     bucket index deltas of the non-zero rows
//   i16 × rowCount × tagCount         emission weights / scale (16-bit quantisation)
//   u32 byteLength | UTF-8            name lexicon, `key<TAB>tags` per line (see NerModel.nameLexicon)
//   format 2 only: u32 byteLength | UTF-8   the word clusters the weights were trained with (clusters.ts)
const MAGIC = 0x52454e4b; // "KNER"
const FORMAT = 1;
/** Weights trained with word clusters carry them, so that tagging always uses the training's clusters. */
const FORMAT_WITH_CLUSTERS = 2;

/** Serialises a model, keeping only buckets with a weight whose magnitude exceeds `pruneBelow`. */
export function encodeModel(model: NerWeights, nameLexicon: ReadonlyMap<string, string>, pruneBelow = 0, clusters?: WordClusters): Uint8Array {
  const formBytes = new TextEncoder().encode([...nameLexicon].map(([key, tags]) => `${key}\t${tags}`).join('\n'));
  const clusterBytes = clusters ? new TextEncoder().encode(formatClusters(clusters)) : null;
  const rows: number[] = [];
  let maxAbs = 0;
  const bucketCount = 1 << model.bucketBits;
  for (let bucket = 0; bucket < bucketCount; bucket++) {
    let keep = false;
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      const w = Math.abs(model.weights[bucket * TAG_COUNT + tag]! * (model.scale ?? 1));
      if (w > pruneBelow) keep = true;
      if (w > maxAbs) maxAbs = w;
    }
    if (keep) rows.push(bucket);
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const transitionCount = (TAG_COUNT + 1) * TAG_COUNT;
  const headerBytes = 24;
  const size =
    headerBytes + 4 * transitionCount + 4 + 4 * rows.length + 2 * rows.length * TAG_COUNT + 4 + formBytes.length + (clusterBytes ? 4 + clusterBytes.length : 0);
  const buffer = new ArrayBuffer(size);
  const view = new DataView(buffer);
  let at = 0;
  const u32 = (v: number): void => {
    view.setUint32(at, v, true);
    at += 4;
  };
  u32(MAGIC);
  u32(clusterBytes ? FORMAT_WITH_CLUSTERS : FORMAT);
  u32(model.bucketBits);
  u32(model.featureVersion);
  u32(TAG_COUNT);
  view.setFloat32(at, scale, true);
  at += 4;
  for (let k = 0; k < transitionCount; k++) {
    view.setFloat32(at, model.transitions[k]!, true);
    at += 4;
  }
  u32(rows.length);
  let previous = 0;
  for (const bucket of rows) {
    u32(bucket - previous);
    previous = bucket;
  }
  for (const bucket of rows) {
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      view.setInt16(at, Math.round((model.weights[bucket * TAG_COUNT + tag]! * (model.scale ?? 1)) / scale), true);
      at += 2;
    }
  }
  u32(formBytes.length);
  new Uint8Array(buffer, at).set(formBytes);
  at += formBytes.length;
  if (clusterBytes) {
    u32(clusterBytes.length);
    new Uint8Array(buffer, at).set(clusterBytes);
  }
  return new Uint8Array(buffer);
}

export function decodeModel(bytes: Uint8Array): { weights: NerWeights; nameLexicon: Map<string, string>; clusters?: WordClusters } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const u32 = (): number => {
    const v = view.getUint32(at, true);
    at += 4;
    return v;
  };
  if (u32() !== MAGIC) throw new Error('not a khabar NER weights file');
  const format = u32();
  if (format !== FORMAT && format !== FORMAT_WITH_CLUSTERS) throw new Error(`unsupported NER weights format ${format}`);
  const bucketBits = u32();
  const featureVersion = u32();
  const tagCount = u32();
  if (tagCount !== TAG_COUNT) throw new Error(`weights have ${tagCount} tags, code has ${TAG_COUNT}`);
  const scale = view.getFloat32(at, true);
  at += 4;
  const transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT);
  for (let k = 0; k < transitions.length; k++) {
    transitions[k] = view.getFloat32(at, true);
    at += 4;
  }
  const rowCount = u32();
  const rows = new Uint32Array(rowCount);
  let bucket = 0;
  for (let r = 0; r < rowCount; r++) {
    bucket += u32();
    rows[r] = bucket;
  }
  // Kept as stored: 16-bit, and only the stored rows (packed-rows.ts): 12 MB instead of 36 as dense
  // floats in every process. A bucket not stored weighs zero, as the dense table had it.
  const weights = new Int16Array(rowCount * TAG_COUNT);
  for (let k = 0; k < weights.length; k++) {
    weights[k] = view.getInt16(at, true);
    at += 2;
  }
  const packed = packRows(rows, bucketBits);
  const formLength = u32();
  const formText = new TextDecoder().decode(bytes.subarray(at, at + formLength));
  const nameLexicon = new Map<string, string>();
  for (const line of formText === '' ? [] : formText.split('\n')) {
    const tab = line.indexOf('\t');
    nameLexicon.set(line.slice(0, tab), line.slice(tab + 1));
  }
  const result = { weights: { bucketBits, featureVersion, weights, rows: packed, transitions, scale }, nameLexicon };
  if (format !== FORMAT_WITH_CLUSTERS) return result;
  at += formLength;
  const clusterLength = u32();
  return { ...result, clusters: parseClusters(new TextDecoder().decode(bytes.subarray(at, at + clusterLength))) };
}
