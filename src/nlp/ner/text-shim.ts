// TEMPORARY: stands in for src/nlp/text/index.ts (analyseText) until the text layer lands.
import type { TextLayer, Token } from '../../schema/text.js';
import { normalise, searchKey } from '../text/normalise.js';
import { segmentWord, segmentsOf } from '../text/clitics.js';

export { normalise, searchKey, segmentWord };

export function analyseText(text: string): Pick<TextLayer, 'tokens' | 'sentences'> {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[^\s]+/g)) {
    const word = match[0];
    const start = match.index;
    const isWord = /[\u0600-\u06FF]/.test(word);
    const norm = normalise(word);
    const seg = isWord ? segmentWord(word) : { proclitics: [], stem: norm, enclitics: [], stemStart: 0, stemEnd: word.length };
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      kind: isWord ? 'word' : /^[0-9.,]+$/.test(word) ? 'number' : /^[a-z]/i.test(word) ? 'latin' : 'punct',
      norm,
      key: searchKey(norm),
      segments: segmentsOf(seg),
      stem: seg.stem,
      stemStart: start + seg.stemStart,
      stemEnd: start + seg.stemEnd,
      sentence: 0,
    });
  }
  return { tokens, sentences: [{ start: 0, end: text.length, paragraph: 0 }] };
}
