import type { Claim } from '../../schema/claims.js';
import type { ContentToken } from './shingles.js';
import { murmur32 } from './hash.js';

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

/**
 * A claim's content words as the claims index stores them: 16-bit hashes, at most `limit`, packed
 * into base64 (2.7 characters a word instead of ~8 for the skeleton in JSON). Jaccard over these
 * differs from Jaccard over the words only by chance collisions (about one in 65,536 word pairs).
 */
export function packWordHashes(words: readonly string[], limit = 40): string {
  const hashes = [...wordHashes(words, limit)];
  const out = Buffer.alloc(hashes.length * 2);
  hashes.forEach((hash, i) => out.writeUInt16LE(hash, i * 2));
  return out.toString('base64');
}

/** The 16-bit hashes that `packWordHashes` stores (the first `limit` distinct ones). */
export function wordHashes(words: readonly string[], limit = 40): Set<number> {
  return new Set([...new Set(words.map((word) => murmur32(word, 0x5eed) & 0xffff))].slice(0, limit));
}

export function unpackWordHashes(packed: string): Set<number> {
  const raw = Buffer.from(packed, 'base64');
  const out = new Set<number>();
  for (let at = 0; at + 2 <= raw.length; at += 2) out.add(raw.readUInt16LE(at));
  return out;
}

/**
 * The claim text that the index keeps for quoting in story files: at most `limit` characters, cut
 * at a space, with «…» when cut. The whole claim is `claims[claim]` of the article's record.
 */
export function quoteText(text: string, limit = 140): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return `${text.slice(0, cut > limit / 2 ? cut : limit).trimEnd()}…`;
}
