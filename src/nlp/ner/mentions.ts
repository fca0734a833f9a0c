import type { EntityType } from '../../schema/entities.js';
import { nameKeyOf, type KnownForm } from './consistency.js';
import { nameEndInToken, nameStartInToken } from './spans.js';
import { chunksOf, type TagChunk } from './tags.js';
import type { TaggedSentence } from './tagger.js';
import { normalise, searchKey } from '../text/normalise.js';

/** An entity mention before linking: span (clitics outside), type, confidence, normalised words. */
export interface TaggedMention {
  text: string;
  start: number;
  end: number;
  type: EntityType;
  confidence: number;
  /** Search keys of the span's words («مصطفى الكاظمي» → ["مصطفي", "الكاظمي"]). */
  words: string[];
}

export function mentionsFromSentences(
  sentences: readonly TaggedSentence[],
  text: string,
  isKnown: KnownForm,
  placeForms: ReadonlySet<string> = new Set(),
): TaggedMention[] {
  const mentions: TaggedMention[] = [];
  for (const sentence of sentences) {
    for (const chunk of chunksOf(sentence.tags).flatMap((c) => splitAtPrepositions(c, sentence, isKnown, placeForms))) {
      const first = sentence.tokens[chunk.first]!;
      const last = sentence.tokens[chunk.last]!;
      const start = first.start + nameStartInToken(first, isKnown);
      const end = last.start + nameEndInToken(last, isKnown);
      if (end <= start) continue;
      const span = text.slice(start, end);
      const confidences = sentence.confidence.slice(chunk.first, chunk.last + 1);
      mentions.push({
        text: span,
        start,
        end,
        type: chunk.type,
        confidence: Math.min(1, Math.max(0, confidences.reduce((a, b) => a + b, 0) / confidences.length)),
        // A hyphenated name has the words of the same name written with spaces («جونغ-أون»).
        words: span
          .split(/[\s\-\u2010\u2011]+/)
          .filter((w) => w.length > 0)
          .map((w) => searchKey(normalise(w))),
      });
    }
  }
  return mentions;
}

/**
 * «وقال الكاظمي لقاآني»: two names side by side that the tagger joined. A word inside a name
 * never carries a preposition (ل ب ك) before a known name form, so the chunk is cut there. A part
 * cut off a person that is one known place is that place («شارع الدكتورة فاطمة بطهران»).
 */
function splitAtPrepositions(chunk: TagChunk, sentence: TaggedSentence, isKnown: KnownForm, placeForms: ReadonlySet<string>): TagChunk[] {
  const parts: TagChunk[] = [];
  let first = chunk.first;
  for (let k = chunk.first + 1; k <= chunk.last; k++) {
    const token = sentence.tokens[k]!;
    if (/^[لبك]/.test(token.key) && nameStartInToken(token, isKnown) > 0) {
      parts.push({ type: chunk.type, first, last: k - 1 });
      first = k;
    }
  }
  parts.push({ type: chunk.type, first, last: chunk.last });
  for (const part of parts.slice(1)) {
    if (part.type === 'PER' && part.first === part.last && placeForms.has(nameKeyOf(sentence.tokens[part.first]!, isKnown))) part.type = 'LOC';
  }
  return parts;
}
