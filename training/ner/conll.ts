import type { EntityType } from '../../src/schema/entities.js';

/** One sentence of a CoNLL file: ANERcorp's tokens and their IOB2 tags (PERS renamed PER). */
export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

const TYPE_NAMES: Record<string, EntityType> = { PERS: 'PER', PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

function normaliseTag(tag: string): string {
  if (tag === 'O') return 'O';
  const match = /^([BI])-(\w+)$/.exec(tag);
  const type = match ? TYPE_NAMES[match[2]!] : undefined;
  if (!match || !type) throw new Error(`unknown CoNLL tag ${tag}`);
  return `${match[1]}-${type}`;
}

/** Parses `token TAG` lines; a blank line ends a sentence. */
export function parseConll(content: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let current: ConllSentence = { tokens: [], tags: [] };
  for (const rawLine of content.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') {
      if (current.tokens.length > 0) sentences.push(current);
      current = { tokens: [], tags: [] };
      continue;
    }
    const space = rawLine.trimEnd().lastIndexOf(' ');
    const token = space < 0 ? '' : rawLine.slice(0, space).trim();
    // A handful of rows hold an empty (whitespace-only) token: nothing to tag, nothing to score.
    if (token === '') continue;
    current.tokens.push(token);
    current.tags.push(normaliseTag(line.slice(line.lastIndexOf(' ') + 1)));
  }
  if (current.tokens.length > 0) sentences.push(current);
  return sentences;
}

/**
 * How the dev tenth is held out. `every-10th` (the default): sentences 9, 19, 29, … (index % 10 === 9).
 * `last-tenth`: the final 10% of sentences as one block — new articles, new names, a harder and
 * more honest figure for text we have never seen (names of an article do not leak across the cut).
 */
export type DevSplitRule = 'every-10th' | 'last-tenth' | `fold-${number}`;

export function splitTrainDev(
  sentences: readonly ConllSentence[],
  rule: DevSplitRule = 'every-10th',
): { train: ConllSentence[]; dev: ConllSentence[] } {
  // `fold-k` (k = 0…9): sentence i is dev when i % 10 === k, for 10-fold figures; every-10th is fold-9.
  const fold = rule === 'every-10th' ? 9 : rule.startsWith('fold-') ? Number(rule.slice(5)) : null;
  if (fold !== null) {
    return { train: sentences.filter((_, i) => i % 10 !== fold), dev: sentences.filter((_, i) => i % 10 === fold) };
  }
  const cut = Math.floor(sentences.length * 0.9);
  return { train: sentences.slice(0, cut), dev: sentences.slice(cut) };
}

/** A sentence as raw text (tokens joined by single spaces) with each token's [start, end). */
export function sentenceText(sentence: ConllSentence): { text: string; spans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let text = '';
  for (const token of sentence.tokens) {
    if (text.length > 0) text += ' ';
    spans.push([text.length, text.length + token.length]);
    text += token;
  }
  return { text, spans };
}
