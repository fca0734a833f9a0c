// WikiFANE Gold (Alotaibi and Lee, COLING 2014; CC BY-SA 3.0) as training sentences in ANERcorp's
// shape: read in place from ../shared/data/wikifane (never copied into the project), invisible marks
// stripped, clitics re-attached (clitics.ts), 50 fine types mapped onto PER/ORG/LOC/MISC or O
// (wikifane-types.ts; the table with its reasons is in src/nlp/ner/README.md).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ConllSentence } from './conll.js';
import { projectPath } from '../../src/paths.js';
import { reattachClitics, type TaggedTokens } from './clitics.js';
import { isWikiFaneType, WIKIFANE_TYPE_MAP, type WikiFaneType } from './wikifane-types.js';

export const WIKIFANE_FILE = projectPath('..', 'shared', 'data', 'wikifane', 'WikiFANE_Gold_2014_500K.txt');

/** The left-to-right marks before most tokens, the BOM, and their zero-width kin. */
const INVISIBLE = /[\u200B-\u200F\uFEFF]/g;

const fineTag = z
  .string()
  .regex(/^(O|[BI]-[A-Za-z_-]+)$/, 'expected O, B-Type or I-Type')
  .refine((tag) => tag === 'O' || isWikiFaneType(tag.slice(2)), { message: 'not one of the 50 WikiFANE types' });

const row = z.tuple([z.string(), fineTag]);

/** Sentences of `token<TAB>TAG` rows (fine tags), a blank line after each; a bad row is an error naming its line. */
export function parseWikiFane(content: string): TaggedTokens[] {
  const sentences: TaggedTokens[] = [];
  let current: TaggedTokens = { tokens: [], tags: [] };
  content.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.replace(INVISIBLE, '');
    if (line.trim() === '') {
      if (current.tokens.length > 0) sentences.push(current);
      current = { tokens: [], tags: [] };
      return;
    }
    const parsed = row.safeParse(line.split('\t'));
    if (!parsed.success) {
      throw new Error(`WikiFANE line ${index + 1}: expected token<TAB>tag (${parsed.error.issues[0]?.message ?? 'bad row'}): ${JSON.stringify(line)}`);
    }
    const [token, tag] = parsed.data;
    // A token that was nothing but marks: nothing to tag (a name it opened opens at the next word, below).
    if (token.trim() === '') return;
    current.tokens.push(token.trim());
    current.tags.push(tag);
  });
  if (current.tokens.length > 0) sentences.push(current);
  return sentences;
}

/** A fine-tagged sentence with ANERcorp's classes (PERS spelled PER, as parseConll gives it), or null to leave out. */
export function toCoarseTags(sentence: TaggedTokens): ConllSentence | null {
  const tags: string[] = [];
  for (const tag of sentence.tags) {
    if (tag === 'O') {
      tags.push('O');
      continue;
    }
    const target = WIKIFANE_TYPE_MAP[tag.slice(2) as WikiFaneType];
    if (target === 'drop') return null;
    tags.push(target === 'O' ? 'O' : `${tag.slice(0, 2)}${target}`);
  }
  return { tokens: [...sentence.tokens], tags: repairIob2(tags) };
}

/** An I- tag that continues no name of its type opens one (after a dropped type or a mark-only token). */
function repairIob2(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const previous = i > 0 ? tags[i - 1]! : 'O';
    return previous.slice(2) === tag.slice(2) && previous !== 'O' ? tag : `B-${tag.slice(2)}`;
  });
}

export interface WikiFaneConversion {
  sentences: ConllSentence[];
  /** Sentences left out because they hold a type mapped to `drop`. */
  dropped: number;
}

/** WikiFANE Gold's text as ANERcorp-like sentences (clitics joined, coarse tags). */
export function convertWikiFane(content: string): WikiFaneConversion {
  const sentences: ConllSentence[] = [];
  let dropped = 0;
  for (const fine of parseWikiFane(content)) {
    const coarse = toCoarseTags(reattachClitics(fine));
    if (coarse) sentences.push(coarse);
    else dropped++;
  }
  return { sentences, dropped };
}

/** The converted corpus from ../shared (the same structure `parseConll` gives, for `train:ner`). */
export function readWikiFane(path: string = WIKIFANE_FILE): ConllSentence[] {
  return convertWikiFane(readFileSync(path, 'utf8')).sentences;
}
