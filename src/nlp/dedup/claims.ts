import type { Claim } from '../../schema/claims.js';
import type { ContentToken } from './shingles.js';
import { murmur32 } from './murmur.js';
import { splitHashes, wordHashes } from './word-hashes.js';
import { markCrowded, markHeadline } from './crowded.js';
import { markMask, markSole, soleMask, SOLE_BITS } from './sole.js';
import { skeleton } from './skeleton.js';
import { countedKey } from './counted-key.js';
import { CONTEXT_WORDS, quantityFacts, type FactEntity, type FactToken, type QuantityFacts } from './quantity-facts.js';
import { PERSON_ROLES } from './quantity-lexicon.js';
import { meetsNoneRole } from './quantity-sums.js';

/** A stated number as dedup compares it: what it counts (`countedKey`, the thing), its value and bounds, who it is about. */
export type DigestQuantity = Pick<QuantityFacts, 'value' | 'valueMax' | 'approx'> &
  Partial<Omit<QuantityFacts, 'thing' | 'value' | 'valueMax' | 'approx'>> & { countedKey: string; text: string; start?: number; end?: number; crowded?: boolean; headline?: boolean; sole?: boolean };

/** What dedup keeps of a claim to match it across articles (small: it is stored in the index). */
export interface ClaimDigest {
  /** Index in the article's `claims`. */
  claim: number;
  kind: Claim['kind'];
  /** Index key for attributed claims: the speaker's entity id, or `anon:<kind>` for an anonymous source. */
  speakerKey: string | null;
  /** Search keys of the claim's content words (or of the whole claim when no content span). */
  words: string[];
  /** One entry per quantity that states a comparable figure (see quantity-facts.ts). */
  quantities: DigestQuantity[];
  /** The claim as written (for the story file), and where it is in the article. */
  text: string;
  start?: number;
  end?: number;
  sentence?: number; // the sentence holding the claim's start, in the article's dedup sentence table
}

/** The claim fields dedup reads. */
export type DedupClaim = Pick<Claim, 'kind' | 'text' | 'start' | 'end' | 'speaker' | 'content' | 'quantities'> & { attributedTo?: number | null };

export { countedKey, skeleton };

/** The speaker's span of a claim, or of the attributed claim that carries a numeric one. */
function speakerSpanOf(claims: readonly DedupClaim[], claim: DedupClaim): { start: number; end: number } | null {
  if (claim.speaker) return claim.speaker;
  const carrier = claim.attributedTo === undefined || claim.attributedTo === null ? undefined : claims[claim.attributedTo];
  return carrier?.speaker ?? null;
}

/**
 * Builds the digests of an article's claims; content words come from the text layer's tokens,
 * the quantities' facts from the tokens around each number and the NER mentions (`entities`).
 * A number an attributed claim shares with a numeric claim of its own is compared once, in the
 * numeric claim (the same sentence is not quoted twice).
 */
export function claimDigests(claims: readonly DedupClaim[], content: readonly ContentToken[], tokens: readonly FactToken[], entities: readonly FactEntity[] = []): ClaimDigest[] {
  const numericSpans = new Set(claims.filter((c) => c.kind === 'numeric').flatMap((c) => c.quantities.map((q) => `${q.start}:${q.end}`)));
  const digests = claims.map((claim, index) => {
    const span = claim.content ?? claim;
    const words = content.filter((token) => token.start >= span.start && token.end <= span.end && token.kind === 'word').map((token) => skeleton(token.key));
    const speaker = claim.speaker;
    let speakerKey: string | null = null;
    if (claim.kind === 'attributed' && speaker) {
      if (speaker.entityId) speakerKey = `ent:${speaker.entityId}`;
      else if (speaker.anonymous && speaker.kind) speakerKey = `anon:${countedKey(speaker.kind)}`;
      else if (speaker.text) speakerKey = `txt:${countedKey(speaker.text)}`;
    }
    const speakerSpan = speakerSpanOf(claims, claim);
    const quantities: DigestQuantity[] = [];
    for (const quantity of claim.quantities) {
      if (claim.kind === 'attributed' && numericSpans.has(`${quantity.start}:${quantity.end}`)) continue;
      const facts = quantityFacts({ start: claim.start, end: claim.end, speakerSpan }, quantity, tokens, entities);
      if (typeof facts === 'string') continue;
      const { thing, ...rest } = facts;
      quantities.push({ ...rest, countedKey: thing, text: quantity.text, start: quantity.start, end: quantity.end });
    }
    return { claim: index, kind: claim.kind, speakerKey, words: [...new Set(words)], quantities, text: claim.text, start: claim.start, end: claim.end };
  });
  return markSole(markHeadline(markCrowded(digests), tokens), tokens);
}

/**
 * The claims index keys of a claim: its speaker (attributed claims) and each counted thing. A stored
 * claim can only corroborate or contradict a new one that shares one of these keys.
 */
export function claimIndexKeys(digest: Pick<ClaimDigest, 'kind' | 'speakerKey' | 'quantities'>): string[] {
  const keys = new Set<string>();
  if (digest.kind === 'attributed' && digest.speakerKey) keys.add(`s:${digest.speakerKey}`);
  for (const quantity of digest.quantities) {
    keys.add(`q:${quantity.countedKey}`);
    // «أفرج عن 9 صيادين» meets «وصل 11 صيادا» (no role read): see `compareQuantities`.
    // And «احترقت 70 مركبة» meets «46 مركبة» (a role on things that may meet none: conflict round 7).
    if (quantity.role && (PERSON_ROLES.has(quantity.role) || meetsNoneRole(quantity.role)) && quantity.noun) keys.add(`q:${quantity.noun}`);
    // «شملت عملية التبادل 24 أسيرا» meets «أفرج عن 37 محتجزا» (people held: round 7).
    if (quantity.held === true) keys.add('q:released');
  }
  return [...keys];
}
export { quantityInterval, quantitiesAgree, type ComparableValue } from './quantity-agreement.js';
export { claimContentSimilarity, wordHashes, wordSetSimilarity } from './word-hashes.js';
export { CROWDED_VALUES } from './crowded.js';

/** 32-bit hash of a speaker key or counted-thing key (what a stored digest keeps of it). */
export function keyHash(key: string): number {
  return murmur32(key, 0x6b657973);
}

export type { StoredQuantity } from './stored-quantity.js';
import type { StoredQuantity } from './stored-quantity.js';

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
  quantities: StoredQuantity[];
  /** The sentence holding the claim (`ClaimDigest.sentence`); null in digests stored before it was kept. */
  sentence: number | null;
}

const KINDS: ReadonlyArray<Claim['kind']> = ['attributed', 'numeric'];
/** Claims are numbered in one byte in the index: an article's 256th claim on is not matched across articles. */
export const MAX_INDEXED_CLAIM = 255;

/** A float32 read back: six significant digits are what a news number has («2500», «1.5 مليون», «12.7%»). */
function float32(value: number): number {
  return Number(Math.fround(value).toPrecision(7));
}

/** Quantity flag bits in a stored digest (bit 128: subject and frame hashes follow). */
const Q_APPROX = 1, Q_MAX = 2, Q_LOWER = 4, Q_UPPER = 8, Q_RISING = 16, Q_SUBGROUP = 32, Q_GENERIC = 64, Q_EXT = 128;

function hasExtension(q: StoredQuantity): boolean {
  return q.subjects.length + q.frame.length + q.period.length + q.context.length + q.affiliation.length + q.scene.length > 0 || q.nounHash !== null || q.hasRole || q.crowded;
}

/** Role-flags bit: the context words follow (digests stored before them never set it). */
const R_CONTEXT = 8;
/** Role-flags bit: the affiliation words follow. */
const R_AFFILIATION = 16;
/** Role-flags bit: the article states this counted thing with several values (`crowded`). */
const R_CROWDED = 32;
/** Role-flags bit: the scene's place words follow (digests stored before them never set it). */
const R_SCENE = 64;
/** Role-flags bit: the context holds words of the sentence before, and the count of its own follows the context count. */
const R_LEAD = 128;
const C_SENTENCE = 8; // claim flag: its sentence index (u16) follows the speaker hash; older digests never set it
const C_SOLE = 16; // claim flag: the sole-figure byte (`soleMask`) follows the sentence; older digests never set it
const C_MEETS = 32; // claim flag: the meets-none byte (`meetsNoneMask`) follows the sole byte; older digests never set it (conflict round 7)
const C_HELD = 64; // claim flag: the held byte follows the meets-none byte; older digests never set it (conflict round 7)
const C_LOCAL = 128; // claim flag: the localised byte follows the held byte; older digests never set it (conflict round 9)

const RELEASED_HASH = keyHash('released');

/** The context's byte of own words (R_LEAD) follows: own words count in its low 5 bits, name hashes after the context in its top 3. */
const ownByte = (q: StoredQuantity): boolean => q.context.length > q.contextOwn || q.names.length > 0;

function quantityFlags(q: StoredQuantity): number {
  return (q.approx ? Q_APPROX : 0) | (q.valueMax === null ? 0 : Q_MAX) | (q.bound === 'lower' ? Q_LOWER : 0) | (q.bound === 'upper' ? Q_UPPER : 0) |
    (q.rising ? Q_RISING : 0) | (q.subgroup ? Q_SUBGROUP : 0) | (q.generic ? Q_GENERIC : 0) | (hasExtension(q) ? Q_EXT : 0);
}

function quantitySize(q: StoredQuantity): number {
  return 9 + (q.valueMax === null ? 0 : 4) + (hasExtension(q) ? 8 + 4 * q.subjects.length + 2 * (q.frame.length + q.period.length) + (q.context.length > 0 ? (ownByte(q) ? 2 : 1) + 2 * (q.context.length + q.names.length) : 0) + (q.affiliation.length > 0 ? 1 + 2 * q.affiliation.length : 0) + (q.scene.length > 0 ? 2 + 2 * q.scene.length : 0) : 0);
}

/**
 * The digests of the claims that have index keys (the others can never be matched), in one buffer:
 * per claim: claim u8 | flags u8 (kind, has speaker, has sentence, has sole bits, has meets-none bits, has held bits, has localised bits) | [speaker hash u32] | [sentence u16] | [sole bits u8] | [meets-none bits u8] | [held bits u8] | [localised bits u8] | word count u8, words u16… |
 * quantity count u8, per quantity: counted hash u32 | flags u8 | value f32 | [max f32] |
 * [subject count u8, subjects u32… | frame count u8, frame words u16… | period count u8, period words u16… |
 * noun hash u32 | role flags u8 | [context count u8, context words u16…] | [affiliation count u8, words u16…]]. Digests written before the
 * subject and bound bits are read the same way (their flags never set them).
 */
export function encodeClaimDigests(digests: readonly ClaimDigest[]): Buffer {
  const parts: Buffer[] = [];
  for (const digest of digests) {
    if (digest.claim > MAX_INDEXED_CLAIM || claimIndexKeys(digest).length === 0) continue;
    const stored = toStoredDigest(digest);
    const words = [...stored.words];
    const quantities = stored.quantities.slice(0, 255);
    const sentence = stored.sentence !== null && stored.sentence <= 0xffff ? stored.sentence : null;
    const sole = soleMask(quantities);
    const meets = markMask(quantities, 'meetsNone');
    const held = markMask(quantities, 'held'), local = markMask(quantities, 'localised');
    const size = 2 + (stored.speakerHash !== null ? 4 : 0) + (sentence !== null ? 2 : 0) + (sole !== 0 ? 1 : 0) + (meets !== 0 ? 1 : 0) + (held !== 0 ? 1 : 0) + (local !== 0 ? 1 : 0) + 1 + 2 * words.length + 1 + quantities.reduce((sum, q) => sum + quantitySize(q), 0);
    const out = Buffer.alloc(size);
    let at = out.writeUInt8(digest.claim, 0);
    at = out.writeUInt8(KINDS.indexOf(digest.kind) | (stored.speakerHash !== null ? 4 : 0) | (sentence !== null ? C_SENTENCE : 0) | (sole !== 0 ? C_SOLE : 0) | (meets !== 0 ? C_MEETS : 0) | (held !== 0 ? C_HELD : 0) | (local !== 0 ? C_LOCAL : 0), at);
    if (stored.speakerHash !== null) at = out.writeUInt32LE(stored.speakerHash, at);
    if (sentence !== null) at = out.writeUInt16LE(sentence, at);
    if (sole !== 0) at = out.writeUInt8(sole, at);
    if (meets !== 0) at = out.writeUInt8(meets, at);
    if (held !== 0) at = out.writeUInt8(held, at);
    if (local !== 0) at = out.writeUInt8(local, at);
    at = out.writeUInt8(words.length, at);
    for (const word of words) at = out.writeUInt16LE(word, at);
    at = out.writeUInt8(quantities.length, at);
    for (const q of quantities) {
      at = out.writeUInt32LE(q.countedHash, at);
      const flags = quantityFlags(q);
      at = out.writeUInt8(flags, at);
      at = out.writeFloatLE(q.value, at);
      if (q.valueMax !== null) at = out.writeFloatLE(q.valueMax, at);
      if (flags & Q_EXT) {
        at = out.writeUInt8(q.subjects.length, at);
        for (const subject of q.subjects) at = out.writeUInt32LE(subject, at);
        at = out.writeUInt8(q.frame.length, at);
        for (const word of q.frame) at = out.writeUInt16LE(word, at);
        at = out.writeUInt8(q.period.length, at);
        for (const word of q.period) at = out.writeUInt16LE(word, at);
        at = out.writeUInt32LE(q.nounHash ?? 0, at);
        at = out.writeUInt8((q.nounHash === null ? 0 : 1) | (q.hasRole ? 2 : 0) | (q.personRole ? 4 : 0) | (q.context.length > 0 ? R_CONTEXT : 0) | (q.affiliation.length > 0 ? R_AFFILIATION : 0) | (q.crowded ? R_CROWDED : 0) | (q.scene.length > 0 ? R_SCENE : 0) | (ownByte(q) ? R_LEAD : 0), at);
        if (q.context.length > 0) {
          at = out.writeUInt8(q.context.length, at);
          if (ownByte(q)) at = out.writeUInt8(q.contextOwn | (q.names.length << 5), at);
          for (const word of [...q.context, ...q.names]) at = out.writeUInt16LE(word, at);
        }
        if (q.affiliation.length > 0) {
          at = out.writeUInt8(q.affiliation.length, at);
          for (const word of q.affiliation) at = out.writeUInt16LE(word, at);
        }
        if (q.scene.length > 0) {
          at = out.writeUInt8(q.scene.length, at);
          at = out.writeUInt8(q.sceneOwn, at);
          for (const word of q.scene) at = out.writeUInt16LE(word, at);
        }
      }
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
    sentence: digest.sentence ?? null,
    quantities: digest.quantities.map((q) => ({
      countedHash: keyHash(q.countedKey),
      value: q.value,
      valueMax: q.valueMax,
      approx: q.approx,
      bound: q.bound ?? null,
      rising: q.rising ?? false,
      subgroup: q.subgroup ?? false,
      generic: q.generic ?? false,
      subjects: (q.subjects ?? []).slice(0, 8).map(keyHash),
      frame: [...wordHashes(q.frame ?? [], 5)],
      period: [...wordHashes(q.period ?? [], 3)],
      ...splitHashes('context', q.context ?? [], q.contextOwn ?? (q.context ?? []).length, 2 * CONTEXT_WORDS, 3 * CONTEXT_WORDS),
      affiliation: [...wordHashes(q.affiliation ?? [], 3)],
      ...splitHashes('scene', q.scene ?? [], q.sceneOwn ?? 0, 8, 8),
      nounHash: q.noun ? keyHash(q.noun) : null,
      hasRole: (q.role ?? null) !== null,
      personRole: q.role !== undefined && q.role !== null && PERSON_ROLES.has(q.role),
      meetsNone: q.role !== undefined && q.role !== null && meetsNoneRole(q.role),
      held: q.held ?? false,
      localised: q.localised ?? false,
      crowded: q.crowded ?? false,
      sole: q.sole ?? false,
      headline: (q.crowded ?? false) && (q.headline ?? false),
      names: (q.context ?? []).length > 0 ? [...wordHashes(q.names ?? [], 3)] : [],
    })),
  };
}

/** The claims index keys of a stored digest, spelled as `claimIndexKeys` spells them but hashed. */
export function storedClaimKeys(digest: Pick<StoredClaimDigest, 'kind' | 'speakerHash' | 'quantities'>): string[] {
  const keys = new Set<string>();
  if (digest.kind === 'attributed' && digest.speakerHash !== null) keys.add(`s:${digest.speakerHash}`);
  for (const quantity of digest.quantities) {
    keys.add(`q:${quantity.countedHash}`);
    if ((quantity.personRole || quantity.meetsNone === true) && quantity.nounHash !== null) keys.add(`q:${quantity.nounHash}`);
    if (quantity.held === true) keys.add(`q:${RELEASED_HASH}`);
  }
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
    const sentence = flags & C_SENTENCE ? view.readUInt16LE(at) : null;
    if (sentence !== null) at += 2;
    const sole = flags & C_SOLE ? view.readUInt8(at++) : 0;
    const meets = flags & C_MEETS ? view.readUInt8(at++) : 0;
    const held = flags & C_HELD ? view.readUInt8(at++) : 0;
    const local = flags & C_LOCAL ? view.readUInt8(at++) : 0;
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
      if (qFlags & Q_MAX) {
        valueMax = float32(view.readFloatLE(at));
        at += 4;
      }
      const subjects: number[] = [];
      const frame: number[] = [];
      const period: number[] = [];
      const context: number[] = [];
      let contextOwn: number | null = null;
      const names: number[] = [];
      const affiliation: number[] = [];
      const scene: number[] = [];
      let sceneOwn = 0;
      let nounHash: number | null = null;
      let hasRole = false;
      let personRole = false;
      let crowded = false;
      if (qFlags & Q_EXT) {
        const subjectCount = view.readUInt8(at++);
        for (let k = 0; k < subjectCount; k++, at += 4) subjects.push(view.readUInt32LE(at));
        const frameCount = view.readUInt8(at++);
        for (let k = 0; k < frameCount; k++, at += 2) frame.push(view.readUInt16LE(at));
        const periodCount = view.readUInt8(at++);
        for (let k = 0; k < periodCount; k++, at += 2) period.push(view.readUInt16LE(at));
        const noun = view.readUInt32LE(at);
        const roleFlags = view.readUInt8(at + 4);
        at += 5;
        nounHash = roleFlags & 1 ? noun : null;
        hasRole = (roleFlags & 2) !== 0;
        personRole = (roleFlags & 4) !== 0;
        crowded = (roleFlags & R_CROWDED) !== 0;
        if (roleFlags & R_CONTEXT) {
          const contextCount = view.readUInt8(at++);
          const own = roleFlags & R_LEAD ? view.readUInt8(at++) : null;
          contextOwn = own === null ? null : own & 0x1f;
          for (let k = 0; k < contextCount; k++, at += 2) context.push(view.readUInt16LE(at));
          for (let k = 0; k < (own ?? 0) >> 5; k++, at += 2) names.push(view.readUInt16LE(at));
        }
        if (roleFlags & R_AFFILIATION) {
          const affiliationCount = view.readUInt8(at++);
          for (let k = 0; k < affiliationCount; k++, at += 2) affiliation.push(view.readUInt16LE(at));
        }
        if (roleFlags & R_SCENE) {
          const sceneCount = view.readUInt8(at++);
          sceneOwn = view.readUInt8(at++);
          for (let k = 0; k < sceneCount; k++, at += 2) scene.push(view.readUInt16LE(at));
        }
      }
      quantities.push({
        countedHash,
        value,
        valueMax,
        approx: (qFlags & Q_APPROX) !== 0,
        bound: qFlags & Q_LOWER ? 'lower' : qFlags & Q_UPPER ? 'upper' : null,
        rising: (qFlags & Q_RISING) !== 0,
        subgroup: (qFlags & Q_SUBGROUP) !== 0,
        generic: (qFlags & Q_GENERIC) !== 0,
        subjects,
        frame,
        period,
        context,
        contextOwn: contextOwn ?? context.length,
        affiliation,
        scene,
        sceneOwn,
        nounHash,
        hasRole,
        personRole,
        crowded,
        sole: !crowded && i < SOLE_BITS && (sole & (1 << i)) !== 0, // one bit for both marks (`soleMask`)
        headline: crowded && i < SOLE_BITS && (sole & (1 << i)) !== 0,
        meetsNone: i < 8 && (meets & (1 << i)) !== 0,
        held: i < 8 && (held & (1 << i)) !== 0,
        localised: i < 8 && (local & (1 << i)) !== 0,
        names,
      });
    }
    out.push({ claim, kind: KINDS[flags & 3] ?? 'attributed', speakerHash, words, quantities, sentence });
  }
  return out;
}
