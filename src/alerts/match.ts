import { normalise, searchKey } from '../nlp/text/normalise.js';
import { segmentWord, segmentsOf } from '../nlp/text/clitics.js';
import type { EnrichedRecord } from '../schema/record.js';
import type { Alert, AlertView, Watch } from './watch.js';

/** A word's two keys: its own search key, and its stem's (clitics split off). */
export function wordKeys(word: string): [string, string] {
  const norm = normalise(word);
  const segmentation = segmentWord(norm);
  const stem = segmentsOf(segmentation).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
  return [searchKey(norm), searchKey(stem || norm)];
}

/** The record as the alerts worker matches it (built once by the writer). */
export function alertViewOf(record: EnrichedRecord): AlertView {
  const titleWords = (record.title ?? '').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).map((word): [string, string, number, number] => [...wordKeys(word), -1, -1]);
  const textWords = (record.tokens ?? []).filter((token) => /[\p{L}\p{N}]/u.test(token.text)).map((token): [string, string, number, number] => [token.key, searchKey(token.stem), token.start, token.end]);
  return {
    articleId: record.id,
    title: record.title,
    source: record.source.name,
    url: record.source.url,
    publishedAt: record.source.publishedAt,
    entities: (record.entities ?? []).map((entity) => ({ entityId: entity.entityId, canonical: entity.canonical, type: entity.type, start: entity.start, end: entity.end })),
    claims: (record.claims ?? []).map((claim) => ({ start: claim.start, end: claim.end, text: claim.text, checkworthiness: claim.checkworthiness, speakerEntityId: claim.speaker?.entityId ?? null, speaker: claim.speaker?.text ?? null })),
    words: [...titleWords, ...textWords],
  };
}

type Match = Pick<Alert, 'reason' | 'snippets'>;
type Span = { start: number; end: number };

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/** Where the keyword's words stand in a row (each by its key or its stem's), in the title (-1) or the text. */
function keywordHits(view: AlertView, keyword: string): Span[] {
  const query = keyword.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).map(wordKeys);
  if (query.length === 0) return [];
  const hits: Span[] = [];
  const { words } = view;
  for (let i = 0; i + query.length <= words.length; i++) {
    const all = query.every(([key, stem], k) => {
      const word = words[i + k];
      return word !== undefined && (word[0] === key || word[1] === stem || word[1] === key);
    });
    if (all) hits.push({ start: words[i]?.[2] ?? -1, end: words[i + query.length - 1]?.[3] ?? -1 });
  }
  return hits;
}

/** The claims that involve the watched spans, at the watch's threshold. */
function worthyClaims(view: AlertView, watch: Watch, spans: readonly Span[]): AlertView['claims'] {
  const min = watch.minCheckworthiness ?? 0;
  return view.claims.filter((claim) => claim.checkworthiness >= min && spans.some((span) => span.start >= 0 && within(span, claim)));
}

const snippet = (claim: AlertView['claims'][number]) => ({ text: claim.text, start: claim.start, end: claim.end });

/**
 * Whether a watch matches an article, and why; null when it does not. Pure: the alerts worker
 * calls it for each watch on each new record.
 */
export function matchWatch(view: AlertView, watch: Watch): Match | null {
  if (watch.kind === 'speaker') {
    const claims = view.claims.filter((claim) => claim.speakerEntityId === watch.value && claim.checkworthiness >= (watch.minCheckworthiness ?? 0));
    if (claims.length === 0) return null;
    return { reason: `${claims.length} claim(s) by ${claims[0]?.speaker ?? watch.value}`, snippets: claims.slice(0, 5).map(snippet) };
  }
  const spans: Span[] = watch.kind === 'entity' ? view.entities.filter((entity) => entity.entityId === watch.value) : keywordHits(view, watch.value);
  if (spans.length === 0) return null;
  const what = watch.kind === 'entity' ? `entity ${view.entities.find((entity) => entity.entityId === watch.value)?.canonical ?? watch.value}` : `keyword «${watch.value}»`;
  if (watch.minCheckworthiness !== null) {
    const claims = worthyClaims(view, watch, spans);
    if (claims.length === 0) return null;
    return { reason: `${what} in ${claims.length} claim(s) of check-worthiness ≥ ${watch.minCheckworthiness}`, snippets: claims.slice(0, 5).map(snippet) };
  }
  const inText = spans.filter((span) => span.start >= 0);
  const snippets = inText.slice(0, 5).map((span) => {
    const claim = view.claims.find((c) => within(span, c));
    return claim ? snippet(claim) : { text: watch.kind === 'entity' ? (view.entities.find((entity) => entity.start === span.start)?.canonical ?? watch.value) : watch.value, start: span.start, end: span.end };
  });
  return { reason: `${what}: ${spans.length} mention(s)${inText.length < spans.length ? ' (title included)' : ''}`, snippets };
}
