// Boilerplate that news pages leave in extracted text, recorded as spans (the text itself is never
// changed). Line-based: share-button labels, "read more" headings with the link list under them,
// a stray Latin letter (or Arabic letter pair) alone on a line, and a line that repeats an earlier
// line or a passage of the text above it (a repeated headline, a pull quote).
import type { BoilerplateSpan } from '../../schema/text.js';
import { normalise } from './normalise.js';
import type { Line } from './lines.js';
import { ARABIC_LETTER, ARABIC_MARK, DIGIT, LATIN_LETTER, charClass } from './chars.js';

/** Share/social labels, normalised, that make up a residue line (with ":" or "|" between them). */
const SHARE_LABELS = new Set([
  'مشاركه', 'مشاركة', 'شارك', 'شاركها', 'شارك الخبر', 'مشاركة الخبر', 'شارك المقال', 'طباعة', 'طباعه', 'ارسال',
  'نسخ الرابط', 'تويتر', 'فيسبوك', 'فيس بوك', 'واتساب', 'واتس اب', 'تيليجرام', 'تلغرام', 'لينكدان', 'البريد الالكتروني',
  'share', 'tweet', 'facebook', 'twitter', 'whatsapp', 'telegram', 'email', 'print', 'linkedin',
]);

/** Headings of a link list, normalised. */
const READ_MORE = new Set([
  'اقرا المزيد', 'اقرا ايضا', 'اقرا ايضاً', 'اقرا ايضا:', 'المزيد', 'مواضيع ذات صلة', 'اخبار ذات صلة', 'اخبار متعلقة',
  'مقالات ذات صلة', 'شاهد ايضا', 'روابط ذات صلة', 'قد يهمك ايضا', 'قد يعجبك ايضا', 'read more', 'related',
]);

/** A line short enough to be a linked headline in a "read more" list. */
const MAX_LINK_LINE = 140;
/** Only lines this long or longer are checked as repeats, and only against this much text before them. */
const MIN_REPEAT = 25;
const MAX_REPEAT = 300;
const REPEAT_WINDOW = 20_000;
const MAX_REPEAT_CHECKS = 200;

function stripTrailingColon(s: string): string {
  let e = s.length;
  while (e > 0 && ' :：|-–'.includes(s[e - 1] as string)) e--;
  return s.slice(0, e);
}

function isShareResidue(norm: string): boolean {
  const parts = norm.split(/[:|•·،,]/).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => SHARE_LABELS.has(p));
}

function isListItem(text: string, line: Line): boolean {
  if (line.end - line.start > MAX_LINK_LINE) return false;
  const c = text.charCodeAt(line.start);
  return c === 0x2d || c === 0x2013 || c === 0x2022 || c === 0x2a || c === 0xb7 || c === 0x25aa || c === 0x25cf;
}

/** A line of one or two letters and nothing else: icon-font or layout residue. */
function strayKind(text: string, line: Line): 'stray-latin' | 'other' | null {
  const len = line.end - line.start;
  if (len === 0 || len > 3) return null;
  let latin = 0;
  let arabic = 0;
  for (let i = line.start; i < line.end; i++) {
    const k = charClass(text.charCodeAt(i));
    if (k === LATIN_LETTER) latin++;
    else if (k === ARABIC_LETTER) arabic++;
    else if (k !== ARABIC_MARK) return null;
  }
  if (latin > 0 && arabic === 0 && latin <= 2) return 'stray-latin';
  if (arabic > 0 && latin === 0 && arabic <= 2) return 'other';
  return null;
}

/** Letters and digits only, normalised: punctuation and spacing differences do not hide a repeat. */
function squeeze(norm: string): string {
  let out = '';
  for (let i = 0; i < norm.length; i++) {
    const k = charClass(norm.charCodeAt(i));
    if (k === ARABIC_LETTER || k === LATIN_LETTER || k === DIGIT) out += norm[i];
  }
  return out;
}

// `squeeze(normalise(s))` works code unit by code unit (both steps are context-free), so it is one
// table: what each code unit becomes (0: nothing; MULTI: a ligature that becomes several letters,
// looked up in MULTI_SQUEEZED). Whole lines are squeezed (an article is often one long line), so
// this avoids normalising a line into a string only to filter it again. Built on first use.
const MULTI = 0xffff;
let squeezeTable: Uint16Array | null = null;
const MULTI_SQUEEZED = new Map<number, string>();

function buildSqueezeTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // a surrogate is never a letter or digit here
    const s = squeeze(normalise(String.fromCharCode(c)));
    if (s.length === 1) table[c] = s.charCodeAt(0);
    else if (s.length > 1) {
      table[c] = MULTI;
      MULTI_SQUEEZED.set(c, s);
    }
  }
  return table;
}

let squeezeBuffer = new Uint16Array(1024);

/** `squeeze(normalise(text.slice(start, end)))`, in one pass over the text. */
function squeezeRange(text: string, start: number, end: number): string {
  squeezeTable ??= buildSqueezeTable();
  const table = squeezeTable;
  if (squeezeBuffer.length < end - start) squeezeBuffer = new Uint16Array(2 * (end - start));
  let buf = squeezeBuffer;
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const out = table[c] as number;
    if (out === 0) continue;
    if (out !== MULTI) {
      buf[k++] = out;
      continue;
    }
    const letters = MULTI_SQUEEZED.get(c) as string;
    // A ligature («ﷺ») is several letters: make room for it and for one letter per code unit left.
    if (k + letters.length + (end - i) > buf.length) {
      const grown = new Uint16Array(2 * (k + letters.length + (end - i)));
      grown.set(buf.subarray(0, k));
      squeezeBuffer = buf = grown;
    }
    for (let j = 0; j < letters.length; j++) buf[k++] = letters.charCodeAt(j);
  }
  let s = '';
  // fromCharCode takes its arguments on the stack: convert in bounded chunks.
  for (let i = 0; i < k; i += 4096) s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(k, i + 4096)) as unknown as number[]);
  return s;
}

/** Boilerplate spans, in text order, one per line or per read-more block. */
export function findBoilerplate(text: string, lines: Line[]): BoilerplateSpan[] {
  const spans: BoilerplateSpan[] = [];
  const seen = new Set<string>();
  let repeatChecks = 0;
  // The squeezed text of the lines seen so far (bounded to a window), to find a repeated passage.
  // Built lazily: lines wait in `pending` until a check needs them (most articles never check).
  let before = '';
  const pending: (Line | string)[] = [];
  const flush = (): void => {
    for (const p of pending) {
      before += (typeof p === 'string' ? p : squeezeRange(text, p.start, p.end)) + '|';
      if (before.length > 2 * REPEAT_WINDOW) before = before.slice(before.length - REPEAT_WINDOW);
    }
    pending.length = 0;
  };
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as Line;
    if (line.start === line.end) continue;
    const length = line.end - line.start;
    // Only a short line can be a share label or a read-more heading: normalise only those.
    const norm = length <= 60 ? normalise(text.slice(line.start, line.end)) : '';
    if (length <= 60 && isShareResidue(norm)) {
      spans.push({ start: line.start, end: line.end, kind: 'share-residue' });
      continue;
    }
    if (length <= 40 && READ_MORE.has(stripTrailingColon(norm))) {
      // The heading and the list of linked headlines under it.
      let last = line;
      let lj = li + 1;
      while (lj < lines.length) {
        const next = lines[lj] as Line;
        if (next.start === next.end) {
          lj++;
          continue;
        }
        if (!isListItem(text, next)) break;
        last = next;
        lj++;
      }
      spans.push({ start: line.start, end: last.end, kind: 'read-more' });
      li = last.index;
      continue;
    }
    const stray = strayKind(text, line);
    if (stray) {
      spans.push({ start: line.start, end: line.end, kind: stray });
      continue;
    }
    const squeezed = length >= MIN_REPEAT && length <= MAX_REPEAT ? squeezeRange(text, line.start, line.end) : '';
    if (squeezed.length >= MIN_REPEAT / 2) {
      let repeated = seen.has(squeezed);
      if (!repeated && repeatChecks < MAX_REPEAT_CHECKS) {
        // A pull quote or a repeated headline copies a passage above it (punctuation aside).
        repeatChecks++;
        flush();
        repeated = before.includes(squeezed);
      }
      if (repeated) {
        spans.push({ start: line.start, end: line.end, kind: 'repeated-headline' });
        continue;
      }
      seen.add(squeezed);
    }
    pending.push(squeezed === '' ? line : squeezed);
  }
  return spans;
}
