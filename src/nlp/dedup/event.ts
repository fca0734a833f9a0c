import type { ContentToken } from './shingles.js';
import { murmur32 } from './murmur.js';
import { isFunctionStem } from './topic.js';
import { MAX_EVENT_DAYS } from './event-day.js';

/**
 * What event an article reports, as a small weighted set of features (the "event sketch"): the
 * canonical entities it names and the stems of its content words, each weighted by where it appears
 * (the title counts most, then the lead, then the body) and by how specific it is (a named person,
 * organisation or event outweighs a place, a place outweighs a common word). Two reports of one
 * event share their salient features (who, where, what); two events on one topic share at most a
 * place or a few topic words, and a shared background paragraph adds only body weight.
 *
 * Stored in the article's metadata slot (fixed size: `EVENT_SKETCH_FEATURES` features of 4 bytes,
 * 28 bits of hash and a 4-bit weight), so comparing two articles reads nothing but their slots.
 */
export const EVENT_SKETCH_FEATURES = 16;
/** The features, then the lead's stated days (event-day.ts) as u16 days since 1970 (0: none). */
export const EVENT_SKETCH_BYTES = 4 * EVENT_SKETCH_FEATURES + 2 * MAX_EVENT_DAYS;

/** Where a word or entity occurs: title, lead (the first sentences), body. */
const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
const BODY_WEIGHT = 1;
/** Sentences that make the lead. */
const LEAD_SENTENCES = 2;
/**
 * How specific a feature is. A static prior, not a frequency table: a person, organisation or named
 * event is named by few stories, a place (a country, a capital) by many, and a word's stem by more.
 */
const KIND_FACTOR = { PER: 2, ORG: 2, MISC: 1.5, LOC: 1.25, word: 1 } as const;
const MAX_WEIGHT = 15;
/** Repetitions add up to this much: a word the article keeps coming back to is what it is about. */
const REPEAT_BONUS = 3;
/** A weight only a title word or a person, organisation or other named thing (MISC) in the lead reaches (title 3 × 2; lead 2 × 2 × 2, 2 × 1.5 × 2). */
const HEADLINE_WEIGHT = 2 * TITLE_WEIGHT;

/** An entity mention as dedup reads it: its id, and when known its type and offset (for the lead). */
export interface EventEntity {
  entityId: string;
  type?: 'PER' | 'ORG' | 'LOC' | 'MISC';
  start?: number;
  /** Whether it is named in the lead, when the caller decided so (a referred clause's, a digest's other items'); else from `start`. */
  lead?: boolean;
}

export interface EventSketch {
  /** Feature hash (28 bits) → weight (1–15), at most `EVENT_SKETCH_FEATURES`, the heaviest. */
  features: Map<number, number>;
  /** The days its lead says the news happened on (`eventDays`, days since 1970), earliest first; none when it names no day. */
  days?: number[];
  /** The country of the actor its lead opens with (event-actor.ts), as `actorKey` hashes it; none when unknown. */
  actor?: number;
  /** Its wire dateline's agency and place (dateline.ts), as `datelineKey` packs them; none without one. */
  dateline?: number;
  /** The town its lead's first sentence says the news happened in (event-town.ts), as `townKey` hashes it (12 bits); none when it names none. */
  town?: number;
  /** The kind of place its lead's first sentence says the incident struck (event-facility.ts, `leadFacility`); none when 0. */
  facility?: number;
  /** The match results its lead states (event-score.ts), at most two; none when it states none. */
  results?: number[];
  /** The heaviest prison sentence its lead states (event-verdict.ts, `prisonTerm`); none when 0 or unknown. */
  term?: number;
  /** The periodic indicator its lead opens with (event-indicator.ts, `leadIndicator`); none when 0 or unknown. */
  indicator?: number;
}

/**
 * The opening actor's country as stored: one slot of the feature table with weight 0, after the
 * weighted features (so a sketch with an actor keeps 15 of them). Weight 0 adds nothing to a
 * similarity and is never a bucket key, so slots written before (no such entry) and readers that
 * do not know it stay right; a slot without it has no actor.
 */
export function actorKey(country: string): number {
  return featureHash(`a:${country}`);
}

/**
 * What else the slot's feature table keeps, as entries of weight 0 (no weight in a similarity, never
 * a bucket key), told apart by their two lowest bits: an actor's lowest bit is 0 (`featureHash`
 * leaves it so for what is not a person), a dateline's are 01, a match's results' 11. Slots written
 * before have none of the later kinds and read as having none.
 */
const TAGGED = 1;
const RESULTS_TAG = 2;
/**
 * Credit bits from this up mark the lead's place entry (`placeEntry`), no agency's: the low 8 are the
 * facility kind. A credit whose hash falls there loses a bit.
 */
const PLACE_CREDIT = 0x3f00;

/** A wire dateline's agency and place as stored: 14 bits of the credit's hash, 12 of the place's, then the tag 01. */
export function datelineKey(credit: string, place: string): number {
  const hashed = murmur32(`c:${credit}`, 0x5eed) & 0x3fff;
  const creditBits = hashed >= PLACE_CREDIT ? hashed & ~0x100 : hashed;
  return ((creditBits << 14) | ((murmur32(`p:${place}`, 0x5eed) & 0xfff) << 2) | TAGGED) >>> 0;
}
/**
 * A town's or a province's 12 bits as kept: the level in the top two (0 a town, 1 a «ولاية» or a
 * Saudi region, 2 a «محافظة», 3 a visit's destination country: event-visit.ts), 10 of the name's hash
 * below (never 0, which says none).
 */
export function townKey(town: string, level = 0): number {
  return ((level & 3) << 10) | (murmur32(`p:${town}`, 0x5eed) & 0x3ff) || 1;
}
/** The level of a `townKey`. */
export const townLevel = (key: number): number => key >>> 10;
/**
 * The lead's town (event-town.ts) and facility kind (event-facility.ts) as stored: one entry tagged
 * like a dateline whose credit bits are `PLACE_CREDIT` and the facility (8 bits), then the town's 12
 * bits (0: none). Slots written before have none.
 */
function placeEntry(sketch: Pick<EventSketch, 'town' | 'facility'>): number | undefined {
  const town = (sketch.town ?? 0) & 0xfff;
  const facility = (sketch.facility ?? 0) & 0xff;
  if (town === 0 && facility === 0) return undefined;
  return (((PLACE_CREDIT | facility) << 14) | (town << 2) | TAGGED) >>> 0;
}
/** The credit's bits of a `datelineKey`: two keys with these equal name one agency. */
export const datelineCredit = (key: number): number => key >>> 14;

/**
 * The facts a lead states, as one entry tagged 11 (so a second and third fact take no feature's
 * place): up to two match results (each below 255, `resultKey` in event-score.ts) in 8 bits each,
 * plus one; then the heaviest prison term (event-verdict.ts, 5 bits) and the indicator
 * (event-indicator.ts, 5 bits) in the bits the results' entry left 0 until 2026-12-07, so an entry
 * written before reads as stating neither.
 */
function factsEntry(sketch: Pick<EventSketch, 'results' | 'term' | 'indicator'>): number | undefined {
  const [a = -1, b = -1] = sketch.results ?? [];
  const term = (sketch.term ?? 0) & 0x1f;
  const indicator = (sketch.indicator ?? 0) & 0x1f;
  if (a < 0 && term === 0 && indicator === 0) return undefined;
  return ((indicator << 23) | (term << 18) | (((b + 1) & 0xff) << 10) | (((a + 1) & 0xff) << 2) | RESULTS_TAG | TAGGED) >>> 0;
}
function factsOf(entry: number): Pick<EventSketch, 'results' | 'term' | 'indicator'> {
  const results = [(entry >>> 2) & 0xff, (entry >>> 10) & 0xff].filter((v) => v > 0).map((v) => v - 1);
  const term = (entry >>> 18) & 0x1f;
  const indicator = (entry >>> 23) & 0x1f;
  return { ...(results.length > 0 ? { results } : {}), ...(term > 0 ? { term } : {}), ...(indicator > 0 ? { indicator } : {}) };
}

/** 28 bits of hash; the lowest says whether the feature is a person (`PERSON_BIT`), so the sketch keeps who without storing types. */
const featureHash = (text: string, person = false): number => (((murmur32(text, 0x5eed) >>> 4) & ~PERSON_BIT) | (person ? PERSON_BIT : 0)) >>> 0;
const PERSON_BIT = 1;

function wordFeature(token: Pick<ContentToken, 'kind' | 'stem'>): number | null {
  if (token.kind !== 'word') return null;
  const stem = token.stem.replace(/ة/g, 'ه');
  if (stem.length < 3 || isFunctionStem(stem)) return null;
  return featureHash(`w:${stem}`);
}

/**
 * The article's event sketch. `content` are its content tokens with their sentence index, `title`
 * the content tokens of its title (none when it has no title), `leadEnd` the offset where its lead
 * ends (entities before it count as lead).
 */
export function eventSketch(
  content: ReadonlyArray<Pick<ContentToken, 'kind' | 'stem'> & { sentence: number }>,
  title: ReadonlyArray<Pick<ContentToken, 'kind' | 'stem'>>,
  entities: readonly EventEntity[],
  leadEnd: number,
): EventSketch {
  // Per feature the best place it appears (title > lead > body) plus a little for each repetition.
  const best = new Map<number, number>();
  const seen = new Map<number, number>();
  const add = (hash: number, weight: number) => {
    best.set(hash, Math.max(best.get(hash) ?? 0, weight));
    seen.set(hash, (seen.get(hash) ?? 0) + 1);
  };
  for (const token of title) {
    const hash = wordFeature(token);
    if (hash !== null) add(hash, TITLE_WEIGHT * KIND_FACTOR.word);
  }
  for (const token of content) {
    const hash = wordFeature(token);
    if (hash !== null) add(hash, (token.sentence < LEAD_SENTENCES ? LEAD_WEIGHT : BODY_WEIGHT) * KIND_FACTOR.word);
  }
  for (const entity of entities) {
    const place = (entity.lead ?? (entity.start !== undefined && entity.start < leadEnd)) ? LEAD_WEIGHT : BODY_WEIGHT;
    add(featureHash(`e:${entity.entityId}`, entity.type === 'PER'), place * KIND_FACTOR[entity.type ?? 'LOC']);
  }
  const weighted = [...best].map(([hash, weight]) => {
    const base = Math.round(weight * 2);
    // Repetitions never lift a feature to headline weight: that is for the title and the lead's names.
    const ceiling = base >= HEADLINE_WEIGHT ? MAX_WEIGHT : HEADLINE_WEIGHT - 1;
    return [hash, Math.min(ceiling, base + Math.min(REPEAT_BONUS, (seen.get(hash) ?? 1) - 1))] as const;
  });
  // Heaviest first, ties by hash: a function of the article alone.
  weighted.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  return { features: new Map(weighted.slice(0, EVENT_SKETCH_FEATURES)) };
}

export function encodeEventSketch(sketch: EventSketch): Buffer {
  const out = Buffer.alloc(EVENT_SKETCH_BYTES);
  let at = 0;
  const special = [sketch.actor, sketch.dateline, placeEntry(sketch), factsEntry(sketch)].filter((key) => key !== undefined);
  for (const [hash, weight] of [...sketch.features].slice(0, EVENT_SKETCH_FEATURES - special.length)) {
    out.writeUInt32LE(((hash << 4) | (weight & 0xf)) >>> 0, at);
    at += 4;
  }
  for (const key of special) {
    out.writeUInt32LE((key << 4) >>> 0, at);
    at += 4;
  }
  (sketch.days ?? []).slice(0, MAX_EVENT_DAYS).forEach((day, i) => out.writeUInt16LE(day, 4 * EVENT_SKETCH_FEATURES + 2 * i));
  return out;
}

export function decodeEventSketch(bytes: Uint8Array): EventSketch {
  const features = new Map<number, number>();
  let actor: number | undefined;
  let dateline: number | undefined;
  let place: Pick<EventSketch, 'town' | 'facility'> = {};
  let facts: Pick<EventSketch, 'results' | 'term' | 'indicator'> = {};
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 4 <= Math.min(view.length, 4 * EVENT_SKETCH_FEATURES); at += 4) {
    const value = view.readUInt32LE(at);
    if (value === 0) continue;
    if ((value & 0xf) === 0) {
      const entry = value >>> 4;
      if ((entry & TAGGED) === 0) actor = entry;
      else if ((entry & RESULTS_TAG) === 0) {
        if (datelineCredit(entry) >= PLACE_CREDIT) {
          const town = (entry >>> 2) & 0xfff;
          const facility = datelineCredit(entry) & 0xff;
          place = { ...(town > 0 ? { town } : {}), ...(facility > 0 ? { facility } : {}) };
        } else dateline = entry;
      }
      else facts = factsOf(entry);
    } else features.set(value >>> 4, value & 0xf);
  }
  const days: number[] = [];
  for (let at = 4 * EVENT_SKETCH_FEATURES; at + 2 <= view.length; at += 2) {
    const day = view.readUInt16LE(at);
    if (day !== 0) days.push(day);
  }
  return { features, days, ...(actor === undefined ? {} : { actor }), ...(dateline === undefined ? {} : { dateline }), ...place, ...facts };
}

/**
 * How much each feature counts, by how many recent reports carry it (1: rare; smaller the more the
 * day's news names it): see `rarityOf`. A feature not in the map counts fully.
 */
export type FeatureRarity = ReadonlyMap<number, number>;

/**
 * Weighted Jaccard of two sketches: Σ min / Σ max over their features (0 when either is empty),
 * each feature's weights scaled by its rarity when one is given.
 */
export function eventSimilarity(a: EventSketch, b: EventSketch, rarity?: FeatureRarity): number {
  let min = 0;
  let max = 0;
  for (const [hash, wa] of a.features) {
    const r = rarity?.get(hash) ?? 1;
    const wb = b.features.get(hash) ?? 0;
    min += r * Math.min(wa, wb);
    max += r * Math.max(wa, wb);
  }
  for (const [hash, wb] of b.features) if (!a.features.has(hash)) max += (rarity?.get(hash) ?? 1) * wb;
  return max === 0 ? 0 : min / max;
}

/**
 * A feature's rarity from its document frequency: 1 / (1 + reports / scale). The reports are the
 * other articles of the feature's event bucket dated within the story window (at most the bucket's
 * cap, 64): on a day when forty institutions each «تقيم حفل معايدة لمنسوبيها», those title words are
 * the day's, not an event's, and count a sixth as much as a word five reports share. `scale` 0: off.
 */
export function rarityOf(reports: number, scale: number): number {
  return scale > 0 ? 1 / (1 + reports / scale) : 1;
}

/**
 * Whether the two share a headline feature: a word of both titles, or a person, organisation or
 * other named thing (MISC) both name in the lead. Without one, two articles on one topic (the same country, the same
 * conflict) can still share enough body words to look alike; reports of one event name it up front.
 */
export function shareHeadlineFeature(a: EventSketch, b: EventSketch): boolean {
  for (const [hash, wa] of a.features) if (wa >= HEADLINE_WEIGHT && (b.features.get(hash) ?? 0) >= HEADLINE_WEIGHT) return true;
  return false;
}

/**
 * Whether both name one person at headline weight (in the title or the lead). A storyline that
 * follows a person (a defendant's hearing, verdict and appeal; a candidate's two rounds) carries
 * over days; an incident nobody is named in (a strike, a quake, a crash) is pinned to its day.
 */
export function shareHeadlinePerson(a: EventSketch, b: EventSketch): boolean {
  for (const [hash, wa] of a.features) if ((hash & PERSON_BIT) !== 0 && wa >= HEADLINE_WEIGHT && (b.features.get(hash) ?? 0) >= HEADLINE_WEIGHT) return true;
  return false;
}

/** The `count` heaviest features: the buckets the article is filed under, so reports of its event find it. */
export function eventKeys(sketch: EventSketch, count: number): number[] {
  return [...sketch.features.keys()].slice(0, count);
}
