import type { EntityType } from '../../src/schema/entities.js';
import type { NerToken } from '../../src/nlp/ner/tokens.js';
import { isInside, TAG_O, tagIndex, tagType } from '../../src/nlp/ner/tags.js';

/**
 * Gold tags for our tokens from a CoNLL sentence's token spans: a token inside a gold entity token
 * takes its type; it is B- only if it is the first word-like token of a gold B- token. Punctuation
 * that the text layer splits off a gold token («(العراق») stays O.
 */
export function goldTagsForTokens(
  goldSpans: ReadonlyArray<readonly [number, number]>,
  goldTags: readonly string[],
  tokens: readonly NerToken[],
): number[] {
  const tags = new Array<number>(tokens.length).fill(TAG_O);
  let g = 0;
  const begun = new Set<number>();
  tokens.forEach((token, i) => {
    while (g < goldSpans.length && goldSpans[g]![1] <= token.start) g++;
    const span = goldSpans[g];
    if (!span || span[0] >= token.end) return;
    const tag = goldTags[g]!;
    if (tag === 'O' || token.kind === 'punct' || token.kind === 'symbol') return;
    const type = tag.slice(2);
    const opensGoldToken = !begun.has(g);
    begun.add(g);
    tags[i] = tagIndex(opensGoldToken && tag.startsWith('B-') ? `B-${type}` : `I-${type}`);
  });
  // ANERcorp has a few I-X after O or another type; IOB2 (and our Viterbi) opens an entity with B-X.
  for (let i = 0; i < tags.length; i++) {
    if (isInside(tags[i]!) && (i === 0 || tagType(tags[i - 1]!) !== tagType(tags[i]!))) tags[i] = tags[i]! - 1;
  }
  return tags;
}

/**
 * IOB2 tags for gold tokens from predicted entity spans, by character overlap: a predicted span on
 * the stem «بغداد» marks the whole gold token «وبغداد» (ANERcorp labels tokens with their clitics).
 */
export function spansToGoldTags(
  goldSpans: ReadonlyArray<readonly [number, number]>,
  entities: ReadonlyArray<{ start: number; end: number; type: EntityType }>,
): string[] {
  const tags = new Array<string>(goldSpans.length).fill('O');
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  for (const entity of sorted) {
    let first = true;
    goldSpans.forEach(([start, end], g) => {
      if (end <= entity.start || start >= entity.end) return;
      if (tags[g] !== 'O') return;
      tags[g] = `${first ? 'B' : 'I'}-${entity.type}`;
      first = false;
    });
  }
  return tags;
}
