import type { DedupToken } from '../../../src/nlp/dedup/shingles.js';

/**
 * A deliberately trivial tokeniser for the dedup tests only (the text layer is another stage): words
 * are runs of letters or digits, everything else is punctuation; the key drops diacritics and
 * tatweel, folds alef forms to ا, ى to ي and ة to ه.
 */
export function whitespaceTokens(text: string): DedupToken[] {
  const tokens: DedupToken[] = [];
  const pattern = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
  let sentence = 0;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const start = match.index;
    const isNumber = /^\p{N}+$/u.test(raw);
    const isWord = /\p{L}/u.test(raw);
    const key = raw
      .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
      .replace(/[أإآٱ]/gu, 'ا')
      .replace(/ى/gu, 'ي')
      .replace(/ة/gu, 'ه')
      .toLowerCase();
    const kind = isNumber ? 'number' : isWord ? (/[a-z]/iu.test(raw) ? 'latin' : 'word') : 'punct';
    tokens.push({ text: raw, start, end: start + raw.length, kind, key, stem: key, sentence });
    if (raw === '.' || raw === '؟' || raw === '!') sentence++;
  }
  return tokens;
}
