import type { DedupToken } from './shingles.js';

/**
 * Whether a report is a digest (a round-up of the day's news: «موجز المساء: حريق مصنع صفاقس..
 * الكوليرا في كسلا.. وأنبوب الرميلة»), and which part of its title is its own headline. A digest's
 * title lists several events, separated by «..», and its lead is the first items' paragraphs, so
 * as event evidence it names every one of them up front: it shared headline features with each
 * event it summed up and bridged them (three digests on spent set E, four on D). What it is mainly
 * about is the item its title leads with (a desk puts the day's main news first); the other items
 * are other events' news, as a background paragraph is. So the title's first item is its headline,
 * the round-up label before the colon («موجز المساء», «حصاد اليوم») is none (every digest of the
 * outlet carries it, as a dateline), and the rest of the title and the text weigh as body words
 * (`prepareArticle`). Pure: the title's tokens in, offsets out.
 */

/** First words of a round-up label before the title's colon: a summary, a harvest, the highlights, a bulletin, a tour. */
const LABEL_HEADS = new Set(['موجز', 'حصاد', 'ابرز', 'نشره', 'جوله']);
/** A label is at most this many words before its colon. */
const LABEL_WORDS = 3;
/** Separators between a digest's items: «..» (the tokeniser's token for two or more dots). */
const ITEM_SEPARATOR = /^\.{2,}$/u;

type TitleToken = Pick<DedupToken, 'text' | 'kind' | 'key' | 'start' | 'end'>;

export interface DigestTitle {
  /** Offsets of the title's first item: its headline. */
  start: number;
  end: number;
}

/**
 * The first item of a digest's title, or null when the title is not a digest's: a round-up label
 * before a colon, or at least two «..» separators (three items or more: one «..» alone is a
 * headline's pause, «للشهر الثاني.. تراجع أسعار الوقود»).
 */
export function digestTitle(tokens: readonly TitleToken[]): DigestTitle | null {
  const words = tokens.filter((token) => token.kind === 'word');
  const colon = tokens.findIndex((token) => token.text === ':');
  const beforeColon = colon < 0 ? [] : tokens.slice(0, colon).filter((token) => token.kind === 'word');
  const labelled = beforeColon.length > 0 && beforeColon.length <= LABEL_WORDS && LABEL_HEADS.has(beforeColon[0]!.key.replace(/ة/g, 'ه'));
  const separators = tokens.filter((token) => ITEM_SEPARATOR.test(token.text));
  if (!labelled && separators.length < 2) return null;
  if (words.length === 0) return null;
  const start = labelled ? tokens[colon]!.end : tokens[0]!.start;
  const end = separators.find((token) => token.start >= start)?.start ?? tokens[tokens.length - 1]!.end;
  return { start, end };
}

/** Sentences a digest's intro may take before its list: «صباح الخير. أبرز ما جرى منذ مساء أمس:». */
const INTRO_SENTENCES = 2;

/**
 * The sentence (index) of a digest's text that opens its first item: the first, or the one after
 * an intro that announces the list (a sentence ending with a colon among the first two). The
 * first item's opening sentence is the digest's lead; the items after it are other events' news.
 */
export function digestLeadSentence(tokens: ReadonlyArray<Pick<DedupToken, 'text' | 'kind' | 'sentence'>>): number {
  let intro = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.sentence >= INTRO_SENTENCES) break;
    const last = tokens[i + 1] === undefined || tokens[i + 1]!.sentence !== token.sentence;
    if (last && token.text === ':') intro = token.sentence;
  }
  const first = tokens.find((token) => token.sentence > intro && token.kind === 'word');
  return first?.sentence ?? 0;
}
