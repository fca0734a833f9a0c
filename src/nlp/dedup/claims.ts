import type { Claim } from '../../schema/claims.js';
import type { ContentToken } from './shingles.js';
import { murmur32 } from './murmur.js';

/** What dedup keeps of a claim to match it across articles (small: it is stored in the index). */
export interface ClaimDigest {
  /** Index in the article's `claims`. */
  claim: number;
  kind: Claim['kind'];
  /** Index key for attributed claims: the speaker's entity id, or `anon:<kind>` for an anonymous source. */
  speakerKey: string | null;
  /** Search keys of the claim's content words (or of the whole claim when no content span). */
  words: string[];
  /** One entry per quantity with a counted thing. */
  quantities: Array<{ countedKey: string; value: number; valueMax: number | null; approx: boolean; text: string }>;
  /** The claim's text as written (for the story file). */
  text: string;
}

/** The claim fields dedup reads. */
export type DedupClaim = Pick<Claim, 'kind' | 'text' | 'start' | 'end' | 'speaker' | 'content' | 'quantities'>;

/**
 * Consonant skeleton of a normalised word: the article «ال» and the long vowels / weak letters are
 * dropped, so spelling variants of one word meet: «أميركي» and «أمريكي» → «مرك», «هجوما» and «هجوم» → «هجم» (a final ه/ة goes too).
 */
export function skeleton(key: string): string {
  let word = key.replace(/^(وال|بال|فال|كال|لل|ال)(?=..)/u, '');
  word = word.replace(/[ةه]$/u, '');
  word = word.replace(/[اويىءئؤأإآ]/gu, '');
  return word;
}

/** Normalised key of a counted thing: skeletons of its first two words («جندي أميركي» → «جند مرك»). */
export function countedKey(counted: string): string {
  const words = counted
    .normalize('NFKC')
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
    .split(/\s+/u)
    .map((word) => skeleton(word))
    .filter((word) => word.length > 0);
  return words.slice(0, 2).join(' ');
}

/** Builds the digests of an article's claims; content words come from the text layer's tokens. */
export function claimDigests(claims: readonly DedupClaim[], content: readonly ContentToken[]): ClaimDigest[] {
  return claims.map((claim, index) => {
    const span = claim.content ?? claim;
    const words = content.filter((token) => token.start >= span.start && token.end <= span.end && token.kind === 'word').map((token) => skeleton(token.key));
    const speaker = claim.speaker;
    let speakerKey: string | null = null;
    if (claim.kind === 'attributed' && speaker) {
      if (speaker.entityId) speakerKey = `ent:${speaker.entityId}`;
      else if (speaker.anonymous && speaker.kind) speakerKey = `anon:${countedKey(speaker.kind)}`;
      else if (speaker.text) speakerKey = `txt:${countedKey(speaker.text)}`;
    }
    const quantities = claim.quantities
      .filter((quantity) => (quantity.counted ?? quantity.unit) !== null)
      .map((quantity) => ({
        countedKey: countedKey(quantity.counted ?? quantity.unit ?? ''),
        value: quantity.value,
        valueMax: quantity.valueMax,
        approx: quantity.approx,
        text: quantity.text,
      }))
      // A one-letter skeleton («أيام» → «م») names nothing specific enough to compare.
      .filter((quantity) => quantity.countedKey.replace(/ /gu, '').length >= 2);
    return { claim: index, kind: claim.kind, speakerKey, words: [...new Set(words)], quantities, text: claim.text };
  });
}

/** Jaccard similarity of two claims' content-word skeletons. */
export function claimContentSimilarity(a: readonly string[], b: readonly string[]): number {
  return wordSetSimilarity(new Set(a), new Set(b));
}

/** `claimContentSimilarity` over sets already built (the dedup step compares one claim with many). */
export function wordSetSimilarity<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The claims index keys of a claim: its speaker (attributed claims) and each counted thing. A stored
 * claim can only corroborate or contradict a new one that shares one of these keys.
 */
export function claimIndexKeys(digest: Pick<ClaimDigest, 'kind' | 'speakerKey' | 'quantities'>): string[] {
  const keys = new Set<string>();
  if (digest.kind === 'attributed' && digest.speakerKey) keys.add(`s:${digest.speakerKey}`);
  for (const quantity of digest.quantities) keys.add(`q:${quantity.countedKey}`);
  return [...keys];
}

/**
 * The interval a stated quantity allows: exact values are points, ranges are [value, valueMax], and an
 * approximate value («نحو 50») allows ±`approxTolerance` of itself.
 */
export function quantityInterval(q: { value: number; valueMax: number | null; approx: boolean }, approxTolerance: number): [number, number] {
  const low = q.value;
  const high = q.valueMax ?? q.value;
  if (!q.approx) return [low, high];
  return [low * (1 - approxTolerance), high * (1 + approxTolerance)];
}

/** Two quantities of the same counted thing agree when their allowed intervals meet («49» and «نحو 50» do). */
export function quantitiesAgree(
  a: { value: number; valueMax: number | null; approx: boolean },
  b: { value: number; valueMax: number | null; approx: boolean },
  approxTolerance: number,
): boolean {
  const [lowA, highA] = quantityInterval(a, approxTolerance);
  const [lowB, highB] = quantityInterval(b, approxTolerance);
  return lowA <= highB && lowB <= highA;
}

/** The 16-bit hashes of a claim's content words that the index compares (the first `limit` distinct ones). */
export function wordHashes(words: readonly string[], limit = 40): Set<number> {
  return new Set([...new Set(words.map((word) => murmur32(word, 0x5eed) & 0xffff))].slice(0, limit));
}

/** 32-bit hash of a speaker key or counted-thing key (what a stored digest keeps of it). */
export function keyHash(key: string): number {
  return murmur32(key, 0x6b657973);
}

/**
 * What the index keeps of a claim, once per article (not per key): hashes instead of keys and words,
 * no text (the story file quotes a claim from its article's record). Jaccard over 16-bit word hashes
 * differs from Jaccard over the words only by chance collisions (about one in 65,536 word pairs).
 */
export interface StoredClaimDigest {
  claim: number;
  kind: Claim['kind'];
  speakerHash: number | null;
  words: Set<number>;
  quantities: Array<{ countedHash: number; value: number; valueMax: number | null; approx: boolean }>;
}

const KINDS: ReadonlyArray<Claim['kind']> = ['attributed', 'numeric'];
/** Claims are numbered in one byte in the index: an article's 256th claim on is not matched across articles. */
export const MAX_INDEXED_CLAIM = 255;

/** A float32 read back: six significant digits are what a news number has («2500», «1.5 مليون», «12.7%»). */
function float32(value: number): number {
  return Number(Math.fround(value).toPrecision(7));
}

/**
 * The digests of the claims that have index keys (the others can never be matched), in one buffer:
 * per claim: claim u8 | flags u8 (kind, has speaker) | [speaker hash u32] | word count u8, words u16… |
 * quantity count u8, per quantity: counted hash u32 | flags u8 (approx, has max) | value f32 | [max f32].
 */
export function encodeClaimDigests(digests: readonly ClaimDigest[]): Buffer {
  const parts: Buffer[] = [];
  for (const digest of digests) {
    if (digest.claim > MAX_INDEXED_CLAIM || claimIndexKeys(digest).length === 0) continue;
    const stored = toStoredDigest(digest);
    const words = [...stored.words];
    const quantities = stored.quantities.slice(0, 255);
    const size = 2 + (stored.speakerHash !== null ? 4 : 0) + 1 + 2 * words.length + 1 + quantities.reduce((sum, q) => sum + 9 + (q.valueMax === null ? 0 : 4), 0);
    const out = Buffer.alloc(size);
    let at = out.writeUInt8(digest.claim, 0);
    at = out.writeUInt8(KINDS.indexOf(digest.kind) | (stored.speakerHash !== null ? 4 : 0), at);
    if (stored.speakerHash !== null) at = out.writeUInt32LE(stored.speakerHash, at);
    at = out.writeUInt8(words.length, at);
    for (const word of words) at = out.writeUInt16LE(word, at);
    at = out.writeUInt8(quantities.length, at);
    for (const q of quantities) {
      at = out.writeUInt32LE(q.countedHash, at);
      at = out.writeUInt8((q.approx ? 1 : 0) | (q.valueMax === null ? 0 : 2), at);
      at = out.writeFloatLE(q.value, at);
      if (q.valueMax !== null) at = out.writeFloatLE(q.valueMax, at);
    }
    parts.push(out);
  }
  return Buffer.concat(parts);
}

/**
 * A digest as the index compares it (hashed speaker, hashed counted things, word hashes): what
 * `encodeClaimDigests` stores, and the form the dedup step gives the article's own claims so that
 * each is hashed once, not once per stored claim it meets.
 */
export function toStoredDigest(digest: ClaimDigest): StoredClaimDigest {
  return {
    claim: digest.claim,
    kind: digest.kind,
    speakerHash: digest.kind === 'attributed' && digest.speakerKey !== null ? keyHash(digest.speakerKey) : null,
    words: wordHashes(digest.words),
    quantities: digest.quantities.map((q) => ({ countedHash: keyHash(q.countedKey), value: q.value, valueMax: q.valueMax, approx: q.approx })),
  };
}

/** The claims index keys of a stored digest, spelled as `claimIndexKeys` spells them but hashed. */
export function storedClaimKeys(digest: Pick<StoredClaimDigest, 'kind' | 'speakerHash' | 'quantities'>): string[] {
  const keys = new Set<string>();
  if (digest.kind === 'attributed' && digest.speakerHash !== null) keys.add(`s:${digest.speakerHash}`);
  for (const quantity of digest.quantities) keys.add(`q:${quantity.countedHash}`);
  return [...keys];
}

export function decodeClaimDigests(raw: Uint8Array): StoredClaimDigest[] {
  const view = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const out: StoredClaimDigest[] = [];
  let at = 0;
  while (at + 4 <= view.length) {
    const claim = view.readUInt8(at);
    const flags = view.readUInt8(at + 1);
    at += 2;
    let speakerHash: number | null = null;
    if (flags & 4) {
      speakerHash = view.readUInt32LE(at);
      at += 4;
    }
    const words = new Set<number>();
    const wordCount = view.readUInt8(at++);
    for (let i = 0; i < wordCount; i++, at += 2) words.add(view.readUInt16LE(at));
    const quantities: StoredClaimDigest['quantities'] = [];
    const quantityCount = view.readUInt8(at++);
    for (let i = 0; i < quantityCount; i++) {
      const countedHash = view.readUInt32LE(at);
      const qFlags = view.readUInt8(at + 4);
      const value = float32(view.readFloatLE(at + 5));
      at += 9;
      let valueMax: number | null = null;
      if (qFlags & 2) {
        valueMax = float32(view.readFloatLE(at));
        at += 4;
      }
      quantities.push({ countedHash, value, valueMax, approx: (qFlags & 1) === 1 });
    }
    out.push({ claim, kind: KINDS[flags & 3] ?? 'attributed', speakerHash, words, quantities });
  }
  return out;
}
