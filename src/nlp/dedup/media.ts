import { wordKey as key } from './word-key.js';
import type { DedupToken } from './shingles.js';

/**
 * Whether an organisation a report names is the news medium that carries it rather than an actor
 * of the news: «قال مسؤول لوكالة الصباح», «بحسب ما أفاد به لقناة الأمواج», «ذكرت وكالة الأنباء
 * السعودية (واس)». Every report an agency sends names the agency in its lead, as its dateline
 * does (dateline.ts), so as event evidence it joins that agency's reports of unrelated events: a
 * drone strike on Rabak's market and one on Kosti's power station shared «وكالة الرافد» as a
 * headline organisation. Pure: the mention's canonical name, the wire credit of the article's
 * dateline and its outlet's name in, a yes or no out.
 */

/** First words of a medium's name: an agency, a channel, a paper, a site, a radio. */
const MEDIA_HEADS = new Set(['وكاله', 'قناه', 'صحيفه', 'جريده', 'موقع', 'اذاعه', 'راديو', 'تلفزيون', 'شبكه', 'نشره', 'مجله'].map((w) => key(w)));
/** An agency that is no medium («الوكالة الدولية للطاقة الذرية», «وكالة الفضاء»): after «وكالة», the words that say so. */
const NOT_MEDIA_AFTER = new Set(['الدوليه', 'الطاقه', 'الفضاء', 'الامم', 'غوث', 'الاونروا'].map((w) => key(w)));


const words = (text: string) => text.split(/\s+/u).filter((w) => w.length > 0).map(key);

/** The words inside a leading wire credit, «(الصباح)», «(أ ف ب)», as keys (none without one): `datelineEnd` says where it ends. */
export function creditWords(tokens: ReadonlyArray<Pick<DedupToken, 'text' | 'kind' | 'key' | 'end'>>, datelineEnd: number): string[] {
  if (datelineEnd === 0) return [];
  const open = tokens.findIndex((token) => token.text === '(');
  if (open < 0) return [];
  const out: string[] = [];
  for (let i = open + 1; i < tokens.length && tokens[i]!.end <= datelineEnd && tokens[i]!.text !== ')'; i++) if (tokens[i]!.kind === 'word') out.push(key(tokens[i]!.key));
  return out;
}

/**
 * Whether `canonical` names a news medium: its first word says so («وكالة الصباح», «لقناة الأمواج»
 * as the linker gives it), or it is the dateline's credit («الصباح» of «بغداد (الصباح) -») or the
 * outlet's own name («الديار الأردنية» in a report of «جريدة الديار الأردنية»).
 */
export function isMediumMention(canonical: string | undefined, credit: readonly string[], outlet: string | null | undefined): boolean {
  if (!canonical) return false;
  const name = words(canonical).map((w) => w.replace(/^(?:و|ف)?(?:ل|ب)(?=ال|وكاله|قناه|صحيفه|جريده)/u, ''));
  if (name.length === 0) return false;
  const head = name[0]!.replace(/^ال/u, '');
  if (MEDIA_HEADS.has(head) && !(head === 'وكاله' && name[1] !== undefined && NOT_MEDIA_AFTER.has(name[1]))) return true;
  const joined = name.join(' ');
  if (credit.length > 0 && joined === credit.join(' ')) return true;
  if (outlet) {
    const own = words(outlet).join(' ');
    if (own === joined || own.endsWith(` ${joined}`)) return true;
  }
  return false;
}
