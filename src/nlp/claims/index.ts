// The claims stage: attributed statements (cue, speaker, content), numeric claims, dates and a
// check-worthiness score per claim. Pure, synchronous, deterministic: same input, same output.
import type { Claim, DateMention, NonClaimQuantity, Quantity } from '../../schema/claims.js';
import type { EntityMention } from '../../schema/entities.js';
import type { Sentence, Token } from '../../schema/text.js';
import { entitiesByWord, findAttributions, headWordIndex, resolvedFrom, type FoundAttribution, type FoundSpeaker } from './attribution/index.js';
import { checkworthiness } from './checkworthiness.js';
import { findDates } from './dates.js';
import { ANONYMOUS_HEADS } from './lexicon/words.js';
import { findQuantities, type FoundQuantity } from './quantities.js';
import { isClaimKind } from './quantity-kind.js';
import { buildDoc, hasPrepClitic, isWord, type Doc, type Word } from './words.js';

export interface ClaimsInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  entities: EntityMention[];
  /** ISO 8601 publication date (resolves «الأحد», «الشهر الماضي», «5 يوليو»), or null. */
  publishedAt: string | null;
}

export interface ClaimsLayer {
  claims: Claim[];
  dates: DateMention[];
  /** Numbers that are not numeric claims, with their kind (they are in no claim's `quantities`). */
  nonClaimQuantities: NonClaimQuantity[];
}

type Span = { start: number; end: number };

function textSpan(text: string, s: Span): { text: string; start: number; end: number } {
  return { text: text.slice(s.start, s.end), start: s.start, end: s.end };
}

function wordsSpan(doc: Doc, first: number, last: number): Span {
  return { start: (doc.words[first] as Word).token.start, end: (doc.words[last] as Word).token.end };
}

/** A speaker's span: its words, less a proclitic left out of the first one («لرويترز» → «رويترز»). */
function speakerSpan(doc: Doc, sp: FoundSpeaker): Span {
  const s = wordsSpan(doc, sp.first, sp.last);
  return sp.start !== undefined ? { start: sp.start, end: s.end } : s;
}

/** Kind of an anonymous source: its head and the adjective after it, normalised («مصدر امني»). */
function anonymousKind(doc: Doc, sp: FoundSpeaker): string | null {
  const h = headWordIndex(doc, sp);
  const head = doc.words[h] as Word;
  const headForm = head.norm.startsWith('ال') ? head.norm.slice(2) : head.norm;
  if (!ANONYMOUS_HEADS.has(headForm) && !ANONYMOUS_HEADS.has(head.norm)) return null;
  const next = doc.words[h + 1];
  if (h + 1 <= sp.last && isWord(next) && next.norm.length >= 4 && /(ي|ية|يون|يين|ان|ين)$/u.test(next.norm) && !hasPrepClitic(next)) {
    return `${headForm} ${next.norm.startsWith('ال') ? next.norm.slice(2) : next.norm}`;
  }
  return headForm;
}

/** The words inside a character span (binary search: words are in text order). */
function sentenceWords(doc: Doc, span: Span): Word[] {
  const words = doc.words;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as Word).token.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Word[] = [];
  for (let k = lo; k < words.length && (words[k] as Word).token.start < span.end; k++) {
    const w = words[k] as Word;
    if (w.token.end <= span.end) out.push(w);
  }
  return out;
}

function toQuantity(q: FoundQuantity): Quantity {
  const kind = isClaimKind(q.kind) ? q.kind : 'count';
  return { text: q.text, start: q.start, end: q.end, kind, value: q.value, valueMax: q.valueMax, approx: q.approx, unit: q.unit, counted: q.counted };
}

function toNonClaim(q: FoundQuantity): NonClaimQuantity | null {
  if (isClaimKind(q.kind)) return null;
  return { text: q.text, start: q.start, end: q.end, kind: q.kind, value: q.value, valueMax: q.valueMax, counted: q.counted };
}

export function extractClaims(input: ClaimsInput): ClaimsLayer {
  const { text } = input;
  const doc = buildDoc(text, input.tokens, input.sentences);
  const covered = new Uint8Array(doc.words.length);
  const dates = findDates(doc, input.publishedAt, covered);
  const entityAt = entitiesByWord(doc, input.entities);
  const found = findQuantities(doc, covered, entityAt);
  // Only counts, money and percentages are numeric claims (issue 20); the rest are listed apart.
  const quantities = found.filter((q) => isClaimKind(q.kind));
  const nonClaimQuantities = found.flatMap((q) => toNonClaim(q) ?? []);
  const statements = findAttributions(doc, entityAt, covered);

  const claims: Claim[] = [];
  const attributedIndex: FoundAttribution[] = [];
  for (const f of statements) {
    const cue = wordsSpan(doc, f.cue.first, f.cue.last);
    const content = f.content as Span;
    const sp = f.speaker;
    let speaker: Claim['speaker'] = null;
    let spanStart = Math.min(cue.start, content.start);
    let spanEnd = Math.max(cue.end, content.end);
    if (sp) {
      const s = speakerSpan(doc, sp);
      if (!sp.resolved) {
        spanStart = Math.min(spanStart, s.start);
        spanEnd = Math.max(spanEnd, s.end);
      }
      const root = sp.antecedent ?? sp;
      const kind = sp.entity ? null : anonymousKind(doc, root);
      speaker = {
        ...textSpan(text, s),
        entityId: sp.entity ? sp.entity.entityId : null,
        anonymous: !sp.entity && kind !== null,
        kind,
        antecedent: sp.antecedent ? textSpan(text, speakerSpan(doc, sp.antecedent)) : null,
        resolvedFrom: resolvedFrom(doc, f),
      };
    }
    // A direct quotation's span includes its marks.
    if (f.quote === 'direct') {
      spanStart = Math.min(spanStart, content.start - 1);
      spanEnd = Math.max(spanEnd, content.end + 1);
    }
    const inside = quantities.filter((q) => q.start >= content.start && q.end <= content.end).map(toQuantity);
    const contentWords = sentenceWords(doc, content);
    const namedEntities = input.entities.filter((m) => m.start >= content.start && m.end <= content.end && m.type !== 'MISC').length;
    const cw = checkworthiness({
      words: contentWords,
      quantities: inside,
      namedEntities,
      speaker: speaker ? { named: speaker.entityId !== null, anonymous: speaker.anonymous } : null,
      accusationCue: f.verb?.accusation === true,
      direct: f.quote === 'direct',
    });
    claims.push({
      kind: 'attributed',
      ...textSpan(text, { start: spanStart, end: spanEnd }),
      sentence: f.sentence,
      cue: textSpan(text, cue),
      speaker,
      content: textSpan(text, content),
      quote: f.quote,
      quantities: inside,
      attributedTo: null,
      checkworthiness: cw.score,
      checkworthinessFeatures: cw.features,
    });
    attributedIndex.push(f);
  }

  const attributedCount = claims.length;
  for (const q of quantities) {
    // The innermost statement whose content holds the number.
    let owner: number | null = null;
    let ownerSize = Infinity;
    for (let k = 0; k < attributedCount; k++) {
      const c = (claims[k] as Claim).content as Span;
      if (q.start >= c.start && q.end <= c.end && c.end - c.start < ownerSize) {
        owner = k;
        ownerSize = c.end - c.start;
      }
    }
    const sentence = doc.sentences[q.sentence] as Sentence;
    const sentenceSpan = { start: sentence.start, end: sentence.end };
    const words = sentenceWords(doc, sentenceSpan);
    const ownerClaim = owner !== null ? (claims[owner] as Claim) : null;
    const namedEntities = input.entities.filter((m) => m.start >= sentence.start && m.end <= sentence.end && m.type !== 'MISC').length;
    const cw = checkworthiness({
      words,
      quantities: [q],
      namedEntities,
      speaker: ownerClaim?.speaker ? { named: ownerClaim.speaker.entityId !== null, anonymous: ownerClaim.speaker.anonymous } : null,
      accusationCue: false,
      direct: false,
    });
    const trimmed = text.slice(sentenceSpan.start, sentenceSpan.end);
    const lead = trimmed.length - trimmed.trimStart().length;
    const tail = trimmed.length - trimmed.trimEnd().length;
    claims.push({
      kind: 'numeric',
      ...textSpan(text, { start: sentenceSpan.start + lead, end: sentenceSpan.end - tail }),
      sentence: q.sentence,
      cue: null,
      speaker: ownerClaim?.speaker ?? null,
      content: null,
      quote: null,
      quantities: [toQuantity(q)],
      attributedTo: owner,
      checkworthiness: cw.score,
      checkworthinessFeatures: cw.features,
    });
  }
  return { claims, dates: dates.map(({ text: t, start, end, kind, iso }) => ({ text: t, start, end, kind, iso })), nonClaimQuantities };
}

export { WEIGHTS as CHECKWORTHINESS_WEIGHTS } from './checkworthiness.js';
