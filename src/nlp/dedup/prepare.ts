import type { DedupOptions } from './params.js';
import type { ClaimDigest, DedupClaim } from './claims.js';
import { claimDigests } from './claims.js';
import type { ContentToken, DedupToken } from './shingles.js';
import { contentHash, contentTokens, shingleHashes, uniqueSorted } from './shingles.js';
import { MinHasher, bandKeys, isEmptySignature } from './minhash.js';
import type { PassageFingerprint } from './winnow.js';
import { adaptiveWindow, winnow } from './winnow.js';
import { actorKey, datelineKey, encodeEventSketch, eventKeys, eventSketch, townKey, type EventSketch } from './event.js';
import { shingleSample, type ShingleSample } from './sample.js';
import { sentenceSpans, type SentenceSpan } from './article-blob.js';
import { sentenceIndexAt } from './passages.js';
import { datelineEnd, datelineParts } from './dateline.js';
import { eventDays } from './event-day.js';
import { creditWords, isMediumMention } from './media.js';
import { actorCountry } from './event-actor.js';
import { inSpans, referenceSpans } from './event-reference.js';
import { digestLeadSentence, digestTitle } from './digest.js';
import { matchResults } from './event-score.js';
import { prisonTerm } from './event-verdict.js';
import { leadIndicator } from './event-indicator.js';
import { leadTown } from './event-town.js';
import { VISIT_LEVEL, visitDestination, visitPlaceName } from './event-visit.js';
import { leadFacility } from './event-facility.js';

/** What dedup reads of an article (the record's layers; entities and claims only when their stages ran). */
export interface DedupArticle {
  id: string;
  tokens: readonly DedupToken[];
  /** Sentence spans from the text layer (derived from the tokens when empty). */
  sentences?: readonly SentenceSpan[];
  /** NER mentions: type and offset weigh them for the event sketch; spans and types tell who a number is about (see quantity-facts.ts). */
  entities?: ReadonlyArray<{ entityId: string; type?: 'PER' | 'ORG' | 'LOC' | 'MISC'; start?: number; end?: number; canonical?: string }>;
  claims?: readonly DedupClaim[];
  titleTokens?: readonly DedupToken[];
  /** ISO 8601 publication time, or null: the day the lead's «الخميس» or «أمس» is resolved against. */
  publishedAt?: string | null;
  /** The outlet's name: its own name in its text is the medium, not the news (media.ts). */
  sourceName?: string | null;
}

/** Everything the index stores or looks up for one article, computed without I/O. */
export interface PreparedArticle {
  content: ContentToken[];
  contentHash: string;
  /** Distinct near-duplicate shingle hashes, sorted (the set whose Jaccard the signature estimates). */
  shingles: Uint32Array;
  signature: Uint32Array;
  /** The shingle set as stored for verification (2 bytes per shingle). */
  sample: ShingleSample;
  /** Near-duplicate LSH band keys (none for an article without prose). */
  nearBands: Array<[number, number]>;
  /** The event sketch as stored in the metadata slot (event.ts). */
  eventSketch: Buffer;
  /** The heaviest event features: the article's event buckets. */
  eventKeys: number[];
  /** Winnowed fingerprints, each with the index (in `sentences`) of the sentence that holds it. */
  fingerprints: Array<PassageFingerprint & { sentence: number }>;
  /** The winnowing window this article used (wider for long articles). */
  window: number;
  sentences: SentenceSpan[];
  claims: ClaimDigest[];
  /**
   * The sketch's weighted features from the words and names outside the given character spans of the
   * text (the title always counts): what the article says besides a paragraph it shares (story round 10).
   */
  featuresOutside: (spans: ReadonlyArray<readonly [number, number]>) => EventSketch['features'];
}

/** A sentence index past the lead (event.ts weighs the first two as lead): a word weighed as body. */
const BODY_SENTENCE = 2;

function epochSecondsOf(iso: string | null | undefined): number | null {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : null;
}

const hashers = new Map<string, MinHasher>();
function hasher(permutations: number, seed: number): MinHasher {
  const key = `${permutations}:${seed}`;
  let found = hashers.get(key);
  if (!found) {
    found = new MinHasher(permutations, seed);
    hashers.set(key, found);
  }
  return found;
}

export function prepareArticle(article: DedupArticle, options: DedupOptions): PreparedArticle {
  const content = contentTokens(article.tokens);
  const shingles = uniqueSorted(shingleHashes(content, options.shingleSize));
  const signature = hasher(options.permutations, 1).signature(shingles);
  const empty = isEmptySignature(signature);
  const sentences = sentenceSpans(article.sentences ?? [], article.tokens);
  const leadEnd = sentences[Math.min(1, sentences.length - 1)]?.end ?? 0;
  // A wire dateline's agency and desk city say who sent the report, not what happened (dateline.ts).
  const textDateline = datelineEnd(article.tokens);
  const titleTokens = article.titleTokens ?? [];
  const titleDateline = datelineEnd(titleTokens);
  // The clause naming an earlier event the report came after («بعد يومين من زيارة الصفدي لدمشق»,
  // «غداة سيول دامية في جازان») is that event's: its words weigh as body words, in the title too, and
  // its days are not the report's (event-reference.ts).
  const textRefs = referenceSpans(article.tokens);
  // A digest (digest.ts) is about the item its title leads with: the rest of its title, and its
  // text (every item's paragraph), are other events' news and weigh as body words; its lead has none.
  const digest = digestTitle(titleTokens);
  const digestLead = digest ? digestLeadSentence(article.tokens) : 0;
  // Where a sentence weighs: as it stands, or for a digest its first item's opening sentence as the lead and every other as body.
  const leadSentence = (sentence: number) => (!digest ? sentence : sentence === digestLead ? 0 : BODY_SENTENCE);
  const titleRefs: Array<[number, number]> = [...referenceSpans(titleTokens), ...(digest ? [[0, digest.start] as [number, number], [digest.end, Infinity] as [number, number]] : [])];
  const withSentence = content.flatMap((token) =>
    token.start < textDateline ? [] : [{ ...token, sentence: inSpans(textRefs, token.start, token.end) ? BODY_SENTENCE : leadSentence(article.tokens[token.tokenIndex]!.sentence) }],
  );
  const titleContent = contentTokens(titleTokens).filter((token) => token.start >= titleDateline);
  // The round-up label («موجز المساء») is the outlet's, not news: not even a body word.
  const titleReferred = titleContent
    .filter((token) => inSpans(titleRefs, token.start, token.end) && !(digest && token.end <= digest.start))
    .map((token) => ({ ...token, sentence: BODY_SENTENCE }));
  // The medium that carries the report (its agency as the lead's source, its own name) is no more event evidence than its dateline (media.ts).
  const credit = creditWords(article.tokens, textDateline);
  const entities = (article.entities ?? [])
    .filter((entity) => (entity.start === undefined || entity.start >= textDateline) && !(entity.type === 'ORG' && isMediumMention(entity.canonical, credit, article.sourceName)))
    .map((entity) => {
      if (entity.start === undefined) return entity;
      if (inSpans(textRefs, entity.start, entity.end ?? entity.start)) return { ...entity, lead: false };
      return digest ? { ...entity, lead: article.tokens.some((token) => token.start === entity.start && token.sentence === digestLead) } : entity;
    });
  const titleWords = titleContent.filter((token) => !inSpans(titleRefs, token.start, token.end));
  const sketch = eventSketch([...withSentence, ...titleReferred], titleWords, entities, leadEnd);
  const featuresOutside = (spans: ReadonlyArray<readonly [number, number]>): EventSketch['features'] => {
    const outside = (start: number | undefined, end: number | undefined) => start === undefined || !spans.some(([from, to]) => start >= from && (end ?? start) <= to);
    return eventSketch(
      [...withSentence.filter((token) => outside(token.start, token.end)), ...titleReferred],
      titleWords,
      entities.filter((entity) => outside(entity.start, entity.end)),
      leadEnd,
    ).features;
  };
  const lead = article.tokens.filter((token) => leadSentence(token.sentence) < 2 && token.start >= textDateline && !inSpans(textRefs, token.start, token.end));
  // Whose news it is, when the lead opens with an organisation of one country (event-actor.ts): kept beside the sketch.
  const country = actorCountry(article.tokens, article.entities ?? [], textDateline, (m) => m.type === 'ORG' && isMediumMention(m.canonical, credit, article.sourceName));
  // The agency and the town a wire report was filed from (dateline.ts): kept beside the sketch.
  const filed = datelineParts(article.tokens);
  // The match results the title and the lead's first sentence state (event-score.ts): kept beside the sketch.
  const firstSentence = lead.filter((token) => token.sentence === lead[0]?.sentence);
  const headline = [...titleTokens.filter((token) => token.start >= titleDateline && !inSpans(titleRefs, token.start, token.end)), ...firstSentence];
  const results = matchResults(headline);
  // Likewise the heaviest sentence a verdict's report states (event-verdict.ts) and the indicator a statistics report opens with (event-indicator.ts).
  const term = prisonTerm(headline);
  const indicator = leadIndicator(headline);
  // And the town the lead's first sentence says the news happened in (event-town.ts).
  // When it names none, where a visit it reports went (event-visit.ts: a level of its own).
  const leadPlace = leadTown(firstSentence);
  const visit = leadPlace ? null : visitDestination(firstSentence);
  const town = leadPlace ?? (visit ? { name: visitPlaceName(visit), level: VISIT_LEVEL } : null);
  // And the kind of place it says the incident struck (event-facility.ts).
  const facility = leadFacility(firstSentence);
  const event = {
    ...sketch,
    days: eventDays(lead, epochSecondsOf(article.publishedAt)),
    ...(country ? { actor: actorKey(country) } : {}),
    ...(filed ? { dateline: datelineKey(filed.credit, filed.place) } : {}),
    ...(town ? { town: townKey(town.name, town.level) } : {}),
    ...(facility > 0 ? { facility } : {}),
    ...(results.length > 0 ? { results } : {}),
    ...(term > 0 ? { term } : {}),
    ...(indicator > 0 ? { indicator } : {}),
  };
  const window = adaptiveWindow(content.length, options.passageWindow, options.passageMaxFingerprints);
  return {
    content,
    contentHash: contentHash(content),
    shingles,
    signature,
    sample: shingleSample(shingles, options.sampleCap),
    nearBands: empty ? [] : bandKeys(signature, options.bands, options.rows, 1),
    eventSketch: encodeEventSketch(event),
    featuresOutside,
    eventKeys: eventKeys(event, options.eventKeys),
    fingerprints: winnow(content, options.passageShingle, window).map((fingerprint) => ({ ...fingerprint, sentence: sentenceIndexAt(sentences, fingerprint.start) })),
    window,
    sentences,
    // Each claim's sentence, so that a later article can tell whether it sits next to a passage the two share.
    claims: claimDigests(article.claims ?? [], content, article.tokens, article.entities ?? []).map((digest) =>
      digest.start === undefined ? digest : { ...digest, sentence: sentenceIndexAt(sentences, digest.start) },
    ),
  };
}
