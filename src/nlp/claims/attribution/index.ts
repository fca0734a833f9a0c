// Attributed statements: cue → speaker → content, by rules over the text layer's tokens.
//
//   VS   «وقال ضابط في الجيش العراقي برتبة مقدم إن "…"»: the speaker is the noun phrase after the
//        cue, up to the complementizer, a quotation, a comma, or a phrase that is not the source
//        (time «السبت», channel «في بيان», addressee «لوكالة الأناضول», «لقاآني»).
//   SV   «لكن واشنطن قالت إنها…», «إيران دعت الفصائل…»: the noun phrase that ends before the cue.
//   pro-drop «وأضاف أن…», participles «مؤكدا أن…»: the speaker of the previous statement (the
//        sentence's own statement first), else the sentence's subject.
//   phrase «…، بحسب بيان لمكتب رئيس الوزراء»: the content is the clause before the phrase;
//        «بحسب X فإن "…"»: the content follows.
//   agency «نقلت شفق نيوز عن القيادي سعد السعدي قوله إن»: the speaker is the person after «عن».
import type { Claim } from '../../../schema/claims.js';
import type { EntityMention } from '../../../schema/entities.js';
import { SOURCE_QUANTIFIERS } from '../lexicon/words.js';
import type { Doc, Word } from '../words.js';
import type { WordRange, FoundAttribution } from './types.js';
import { AttributionContext } from './context.js';
import { Clauses } from './clause.js';
import { Speakers } from './speaker.js';
import { Antecedents } from './antecedent.js';
import { Cues } from './cue.js';

export type { FoundAttribution, FoundSpeaker, WordRange } from './types.js';

/** Entities by word: the mention that covers each word, by character overlap. */
export function entitiesByWord(doc: Doc, entities: EntityMention[]): Array<EntityMention | null> {
  const out: Array<EntityMention | null> = new Array<EntityMention | null>(doc.words.length).fill(null);
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  let e = 0;
  for (const w of doc.words) {
    while (e < sorted.length && (sorted[e] as EntityMention).end <= w.token.start) e++;
    for (let k = e; k < sorted.length; k++) {
      const m = sorted[k] as EntityMention;
      if (m.start >= w.token.end) break;
      if (m.end > w.token.start) {
        out[w.i] = m;
        break;
      }
    }
  }
  return out;
}

/** Every statement of the document, in one pass over its sentences (cues in text order). */
function extractStatements(doc: Doc, entityAt: Array<EntityMention | null>, dateAt: Uint8Array): FoundAttribution[] {
  const cx = new AttributionContext(doc, entityAt, dateAt);
  const clauses = new Clauses(cx);
  const speakers = new Speakers(cx, clauses);
  const cues = new Cues(cx, clauses, speakers, new Antecedents(cx, speakers));
  return cues.run();
}


export function findAttributions(doc: Doc, entityAt: Array<EntityMention | null>, dateAt: Uint8Array): FoundAttribution[] {
  const found = extractStatements(doc, entityAt, dateAt);
  // Embedded phrases («وتابع الكاظمي وفق المصدر إن "…"») take the content of their statement.
  for (const f of found) {
    if (f.content !== null) continue;
    const host = found.find((g) => g !== f && g.sentence === f.sentence && g.content !== null && g.cue.first < f.cue.first);
    if (host) {
      f.content = host.content;
      f.quote = host.quote;
    }
  }
  return found.filter((f) => f.content !== null).sort((a, b) => a.cue.first - b.cue.first);
}

export function headWordIndex(doc: Doc, range: WordRange): number {
  let k = range.first;
  while (k < range.last) {
    const w = doc.words[k] as Word;
    if (!(SOURCE_QUANTIFIERS.has(w.norm) || w.norm === 'من' || /^\d/u.test(w.norm) || /^(ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر|اثن)/u.test(w.norm))) break;
    k++;
  }
  return k;
}

/**
 * Where a statement's speaker was found: in its own clause, or (a pronoun or missing subject) in the
 * same sentence, the previous sentence of the paragraph, earlier in the paragraph, or an earlier paragraph.
 */
export function resolvedFrom(doc: Doc, f: FoundAttribution): NonNullable<NonNullable<Claim['speaker']>['resolvedFrom']> {
  const sp = f.speaker;
  if (!sp || !sp.resolved) return 'explicit';
  const at = (doc.words[sp.first] as Word).sentence;
  if (at === f.sentence) return 'same-sentence';
  const paragraph = (s: number): number => doc.sentences[s]?.paragraph ?? 0;
  if (paragraph(at) !== paragraph(f.sentence)) return 'earlier-paragraph';
  // The previous sentence that has words (a line of boilerplate between does not count).
  let prev = f.sentence - 1;
  while (prev > at && (doc.sentenceFirst[prev] ?? -1) < 0) prev--;
  return prev === at ? 'previous-sentence' : 'paragraph';
}
