import { z } from 'zod';

/**
 * Every dedup parameter in one place (the lead's config passes overrides). Why each default was chosen,
 * with the measurements, is in README.md beside this file.
 */
export const DedupOptionsSchema = z.object({
  /** Word n-gram size of the near-duplicate shingles. */
  shingleSize: z.number().int().min(1).max(12).default(5),
  /** MinHash permutations (only the LSH bands use them; candidates are verified on the shingle sample). */
  permutations: z.number().int().min(1).max(512).default(36),
  /** LSH bands × rows (bands·rows ≤ permutations): candidates for near duplicates. */
  bands: z.number().int().min(1).default(12),
  rows: z.number().int().min(1).default(3),
  /** Shingles kept per article for verification (longer articles keep a consistent sample). */
  sampleCap: z.number().int().min(16).max(65535).default(256),
  /** Near duplicates are reported (and link stories) from this verified Jaccard up. */
  nearThreshold: z.number().min(0).max(1).default(0.5),

  /** Passage fingerprints: k-token shingles, winnowed with this window. */
  passageShingle: z.number().int().min(2).default(3),
  passageWindow: z.number().int().min(1).default(12),
  /** Long articles widen their window so that they keep at most about this many fingerprints. */
  passageMaxFingerprints: z.number().int().min(4).default(64),
  /** A passage needs at least this many shared fingerprints. */
  passageMinFingerprints: z.number().int().min(1).default(2),
  /** …spread over at least this many content tokens in each article. */
  passageMinTokens: z.number().int().min(1).default(8),
  /**
   * A passage joins two stories only when it spans at least this many content tokens in both
   * articles: shorter ones (a stock sentence of titles, «خادم الحرمين الشريفين الملك سلمان بن
   * عبدالعزيز آل سعود…») are reported but would chain unrelated stories of the same wire service.
   */
  passageJoinTokens: z.number().int().min(1).default(24),
  /** A fingerprint held by more than this many articles is a stock phrase: its postings are dropped and it gives no passages again. */
  /**
   * A shared passage whose fingerprints are already held by this many indexed articles (the other
   * article of the pair included) is background (a paragraph repeated under many reports): it joins
   * two stories only when their event sketches match (`eventPassageThreshold`). Two articles sharing a
   * paragraph no one else holds are a reprint and join as before.
   */
  passageBackgroundHolders: z.number().int().min(2).default(2),
  passageMaxPostings: z.number().int().min(1).default(10),

  /**
   * Similar content links two articles only when both dates are known and this close (hours); a
   * reused passage or similar content joins two stories only within this window too. A week since
   * 2026-12-07 (72 hours before): follow-ups days later (a verdict after a trial, a second round)
   * are the same event, and the similarity needed grows with the gap (`eventTimeScaleHours`).
   */
  topicWindowHours: z.number().positive().default(168),
  /**
   * Event stories (event.ts): an article is filed under its `eventKeys` heaviest event features (a
   * report of the same event names the same people, places and words in its title and lead), and
   * links by similar content to a candidate whose event sketch matches it at weighted Jaccard ≥
   * `eventThreshold` with a headline feature in common (a word of both titles, or a person,
   * organisation or MISC name both give in the lead), within `topicWindowHours`. A background passage (see
   * `passageBackgroundHolders`) joins two stories only when their sketches match at ≥
   * `eventPassageThreshold`: higher, since the shared paragraph's words are in both sketches. Both
   * thresholds are what two articles published at the same time need (see `eventTimeScaleHours`).
   * Chosen on the story gold's tune part and, since 2026-12-07, its spent held-out part (README §5).
   */
  eventKeys: z.number().int().min(1).max(16).default(6),
  eventThreshold: z.number().min(0).max(1).default(0.1),
  eventPassageThreshold: z.number().min(0).max(1).default(0.16),
  /**
   * A substantial passage two articles share past both leads joins them only when this article's
   * sketch **outside** its shared passages matches the other's at ≥ this (grown with the time apart
   * like the others; steps/passage-context.ts, story round 10): the similar-content bar, since the
   * paragraph's words are left out on this side. 0 turns the test off. Chosen on spent sets A–J.
   */
  passageContextThreshold: z.number().min(0).max(1).default(0.1),
  /**
   * Hours between two articles' publication at which the event similarity they need is twice the
   * threshold (event-match.ts): the further apart, the more they must share.
   */
  eventTimeScaleHours: z.number().positive().default(96),
  /**
   * The days two leads name («اليوم الاثنين», «مساء الخميس», «أمس»: event-day.ts) may be this many
   * days apart and still report one event; further apart, two strikes on one town or two kidnappings
   * in one region are two events however alike their words, unless both leads follow one named
   * person (a trial's hearing and verdict). A lead that names no day passes. 2, not 1: a night's
   * event is dated either day, and its follow-up leads with the next day's news (story set B's
   * cyclone and train collision split at 1). Chosen on the story gold's tune part and the spent sets.
   */
  eventDayTolerance: z.number().int().min(0).default(2),
  /**
   * The same for a shared passage (reprint or background), which needs no similarity of the two
   * sketches: 1, not 2. On the spent story sets every passage between two reports whose leads name
   * days two apart joined two events (two fires in Baghdad, two sit-ins before Rabat's parliament, two
   * Algiers verdicts: 4 links, none of one event), while a night's event and its next-day follow-up
   * (the case for 2) are one day apart. Set D pairwise F1 0.598 → 0.612, the others unchanged.
   */
  passageDayTolerance: z.number().int().min(0).default(1),
  /**
   * Rarity (event.ts `rarityOf`): a heavy feature that this many other reports in the window also
   * carry (its event bucket's members) counts half in similar content; 0 turns rarity off. The
   * static prior (person over place over word) says how specific a kind of feature is; this says
   * how common this one is today. 32, not 8: at 8 the story gold's own events (4–6 reports sharing
   * their words) lost recall (tune pairwise F1 0.850 → 0.823); 16 and 32 gave SaudiNewsNet
   * 2015-07-23's largest story 109 and 117 articles, and 32 the better gold figures.
   */
  eventRarityScale: z.number().min(0).default(32),
  /**
   * An article records pair links (copies, near duplicates, passages, similar content) to at most
   * this many of its verified candidates: the strongest kind first, then the highest similarity, then
   * the smallest id. A wire story reprinted by 200 outlets would otherwise add ~200 links per article
   * (a story's links growing with the square of its size); one link is enough to join the story.
   */
  maxLinksPerArticle: z.number().int().min(1).default(16),
  /**
   * An article records at most this many claim links per fact of each of its claims (its speaker's
   * corroborations; for each counted thing, its agreements and its conflicts). One link is enough to
   * join a claim to its group in the story; a claim carried by 2,000 reprints used to add 16 links per
   * claim per article, most of a big story's Redis memory and of its rebuild time. 1 (was 2): on
   * SaudiNewsNet's first 10,000 with claims, 2,007 → 1,913 bytes an article; on 2,000 long reprints,
   * 7,273 → 5,255. One link keeps each claim in a group; what is lost is a second bridge: a claim
   * that matches two groups not linked otherwise now joins only the stronger one.
   */
  claimLinksPerFact: z.number().int().min(1).default(1),
  /** A story file lists at most this many links (sorted); `linkCount` says how many the story holds. */
  maxStoryLinks: z.number().int().min(1).default(256),
  /** A story file lists at most this many quotes per corroborated claim group and values per conflict. */
  maxStoryQuotes: z.number().int().min(2).default(32),
  /** Copy, near-duplicate and topic buckets keep their most recent members, this many (a guard against hub buckets; see README on order). */
  bucketCap: z.number().int().min(2).default(64),

  /** Claims: content similarity for corroboration, tolerance of an approximate number («نحو 50»). */
  claimSimilarity: z.number().min(0).max(1).default(0.4),
  /**
   * A number in a generic unit with no role (a currency, «شخص», a percentage) is compared only in the
   * same frame (a shared word among the five before it) or when the two claims share this much of
   * their words (Jaccard of word skeletons). Before issue 25 every pair of numbers needed it: on the
   * seeds the pairs that are the same count score 0.25 and 0.32, the others 0.02–0.20; the thing
   * counted (noun and role), subjects and periods now tell those apart (conflict-rules.ts).
   */
  claimNumericContext: z.number().min(0).max(1).default(0.22),
  /**
   * Two numbers are the same count only when their sentences share this many content words around
   * them (`context` in quantity-facts.ts: the place, the event, the actor, as words). On SaudiNewsNet
   * 2015-07-23 roundups linked as one event paired the Zafaraniya and Tarmiya bombings, Aden and Taiz;
   * on our labelled pairs 41 of 43 real discrepancies share 2 or more, the traps often fewer.
   * 1 (was 2) since 2026-12-07: the event gate, the day rule and crowded counts now keep roundups
   * apart, and outlets that name one subject differently share few words (pair set B, spent: with
   * 1 and `conflictContextUnnamed` 2, recall 0.548 → 0.714 at precision 1.000 → 0.909; set A 0.750 →
   * 0.775 at 0.909 → 0.912).
   */
  conflictContextWords: z.number().int().min(0).default(1),
  /**
   * Numbers are compared only between articles one direct same-event link joins (issue 25: «same event
   * story»); false compares them across the whole claims index as before (the dashboard's cross-story
   * conflicts: 1,439 conflict links on SaudiNewsNet 2015-07-23 before the real-news rules).
   */
  conflictSameEventOnly: z.boolean().default(true),
  /**
   * When the two sentences do not both name the same actor or place (NER), they must share this many
   * context words: on SaudiNewsNet 2015-07-23, 19 of the 20 conflicts left after the rules above
   * named no common subject (tolls of two Yemeni fronts, two companies' dividends), the one real
   * discrepancy did (Al-Baha's injured, 13 against 11).
   */
  conflictContextUnnamed: z.number().int().min(0).default(2),
  /** …and their claims this much of their words (Jaccard, as `claimNumericContext`): two reports of one fact. */
  conflictUnnamedSimilarity: z.number().min(0).max(1).default(0.15),
  /**
   * …unless both count people with a role (killed, injured, rescued…) and share this many context
   * words, each in the number's own sentence on at least one side: one event's toll told in two
   * sentences that share its words («حريق مخزن … بني», «المنطاد … اضطراري … هبوط») but no claim wording.
   * Conflict pairs C, D, E (spent): recall 0.310 / 0.350 / 0.300 → 0.333 / 0.375 / 0.350, no false
   * conflict added; SaudiNewsNet 2015-07-23 and 08-04 unchanged. Any counted thing, with the lead's
   * words counted on both sides (3 shared), found 5 more pairs but one false and added two false
   * conflicts on 08-04 (two rooms' counts, two incidents' «آخرون»).
   */
  conflictContextAlike: z.number().int().min(0).default(3),
  approxTolerance: z.number().min(0).max(1).default(0.1),
  /**
   * Claims index postings kept per speaker / counted thing: the most recent
   * ones (a new posting evicts the oldest), so a speaker quoted every day stays matchable. Each new
   * claim reads every posting under its keys, so this bounds the claim step's cost; 16 postings of 4
   * bytes keep the key's value at 64 bytes, the most a listpack-encoded shard holds (Redis's
   * `hash-max-listpack-value`).
   */
  claimPostingsCap: z.number().int().min(1).max(255).default(16),
});
export type DedupOptions = z.infer<typeof DedupOptionsSchema>;

export function dedupOptions(overrides: Partial<DedupOptions> = {}): DedupOptions {
  const options = DedupOptionsSchema.parse(overrides);
  if (options.bands * options.rows > options.permutations) throw new Error('dedup: bands × rows exceeds permutations');
  return options;
}
