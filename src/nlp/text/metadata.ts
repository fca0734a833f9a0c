// Metadata that the text itself states, from its header (the lines before the article body):
// title (first line), subtitles, dateline city («بغداد -», «بغداد –», or a city alone on a line),
// news agency, and publication date/time («الثلاثاء 13 يوليو 2021 23:41», Levantine month names,
// Arabic-Indic digits). The body begins at the dateline, or at the first long paragraph.
import type { TextSpan } from '../../schema/span.js';
import type { TextMetadata } from '../../schema/text.js';
import { normalise } from './normalise.js';
import type { Line } from './lines.js';
import { ARABIC_LETTER, ARABIC_MARK, charClass, isSkippable } from './chars.js';

/** A header line longer than this is article prose (the body has started). */
const BODY_LINE = 200;
/** At most this many subtitle lines follow the title. */
const MAX_SUBTITLES = 4;
/** A dateline (city, optionally with an agency) is at most this long before its dash. */
const MAX_DATELINE = 40;
/** In a text with no line breaks the dateline is looked for this far in. */
const ONE_LINE_SEARCH = 400;

/** Agency names (normalised, spaces and dots squeezed out) → canonical Arabic name. */
const AGENCIES: [string, string][] = [
  ['رويترز', 'رويترز'],
  ['فرانسبرس', 'فرانس برس'],
  ['افب', 'فرانس برس'],
  ['الاناضول', 'الأناضول'],
  ['اسوشيتدبرس', 'أسوشيتد برس'],
  ['اسوشيتيدبرس', 'أسوشيتد برس'],
  ['اب', 'أسوشيتد برس'],
  ['دبا', 'د ب أ'],
  ['شينخوا', 'شينخوا'],
  ['واس', 'واس'],
  ['وام', 'وام'],
  ['قنا', 'قنا'],
  ['كونا', 'كونا'],
  ['بترا', 'بترا'],
  ['سانا', 'سانا'],
  ['واع', 'واع'],
  ['ارنا', 'إرنا'],
  ['سبوتنيك', 'سبوتنيك'],
  ['reuters', 'رويترز'],
  ['afp', 'فرانس برس'],
  ['ap', 'أسوشيتد برس'],
  ['dpa', 'د ب أ'],
  ['anadolu', 'الأناضول'],
];
const AGENCY_BY_KEY = new Map(AGENCIES);
/** Agencies that are safe to find inside a longer header line (not two-letter abbreviations). */
const AGENCY_WORDS: [string, string][] = [
  ['رويترز', 'رويترز'],
  ['فرانس برس', 'فرانس برس'],
  ['الأناضول', 'الأناضول'],
  ['الاناضول', 'الأناضول'],
  ['أسوشيتد برس', 'أسوشيتد برس'],
  ['شينخوا', 'شينخوا'],
  ['أ ف ب', 'فرانس برس'],
  ['أ.ف.ب', 'فرانس برس'],
  ['ا ف ب', 'فرانس برس'],
  ['د ب أ', 'د ب أ'],
];

/** Month names, normalised → month number (Gregorian transliterations and Levantine names). */
const MONTHS = new Map<string, number>([
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['افريل', 4], ['مايو', 5], ['ماي', 5], ['يونيو', 6],
  ['يونيه', 6], ['جوان', 6], ['يوليو', 7], ['يوليه', 7], ['جويلية', 7], ['اغسطس', 8], ['اوت', 8], ['سبتمبر', 9],
  ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  ['كانون الثاني', 1], ['شباط', 2], ['اذار', 3], ['نيسان', 4], ['ايار', 5], ['حزيران', 6], ['تموز', 7], ['اب', 8],
  ['ايلول', 9], ['تشرين الاول', 10], ['تشرين الثاني', 11], ['كانون الاول', 12],
]);
const WEEKDAYS = 'الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت';
const MONTH_ALTERNATIVES =
  'كانون الثاني|كانون الأول|كانون الاول|تشرين الأول|تشرين الاول|تشرين الثاني|[\\u0621-\\u064a]{2,8}';
const DIGITS = '[0-9\\u0660-\\u0669\\u06f0-\\u06f9]';
// «الثلاثاء 13 يوليو 2021 23:41», «13 تموز/يوليو 2021», «١٣ يوليو ٢٠٢١ - 23:41»
const DATE_WORDS = new RegExp(
  `(?:(?:${WEEKDAYS})\\s*[،,]?\\s*)?(${DIGITS}{1,2})\\s+(${MONTH_ALTERNATIVES})(?:\\s*/\\s*(?:${MONTH_ALTERNATIVES}))?\\s*[،,]?\\s+(${DIGITS}{4})(?:\\s*(?:[-–|،,]|الساعة)?\\s*(${DIGITS}{1,2})[:：](${DIGITS}{2}))?`,
  'u',
);
// 2021-07-13, 2021/07/13 23:41, 13/07/2021
const DATE_ISO = new RegExp(`(${DIGITS}{4})[-/](${DIGITS}{1,2})[-/](${DIGITS}{1,2})(?:[ T](${DIGITS}{1,2}):(${DIGITS}{2}))?`, 'u');
const DATE_DMY = new RegExp(`(${DIGITS}{1,2})/(${DIGITS}{1,2})/(${DIGITS}{4})(?:\\s+(${DIGITS}{1,2}):(${DIGITS}{2}))?`, 'u');

/** Well-known datelines for a city alone on its line (elsewhere a dash is required). */
const CITIES = new Set(
  [
    'بغداد', 'دمشق', 'بيروت', 'القاهرة', 'عمان', 'الرياض', 'جدة', 'طهران', 'واشنطن', 'نيويورك', 'موسكو', 'لندن', 'باريس',
    'برلين', 'انقرة', 'اسطنبول', 'الدوحة', 'دبي', 'ابوظبي', 'الكويت', 'المنامة', 'مسقط', 'صنعاء', 'عدن', 'الخرطوم',
    'طرابلس', 'تونس', 'الجزائر', 'الرباط', 'القدس', 'غزة', 'رام الله', 'البصرة', 'الموصل', 'اربيل', 'كركوك', 'النجف',
    'كربلاء', 'حلب', 'بنغازي', 'عمّان', 'جنيف', 'فيينا', 'بروكسل', 'بكين', 'نواكشوط', 'الفلوجة', 'الانبار', 'السليمانية',
  ].map(normalise),
);

function span(text: string, start: number, end: number): TextSpan {
  return { text: text.slice(start, end), start, end };
}

function toAscii(digits: string): number {
  return Number(normalise(digits));
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoOf(year: number, month: number, day: number, hour?: number, minute?: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined || Number.isNaN(hour) || Number.isNaN(minute)) return date;
  if (hour > 23 || minute > 59) return date;
  // No zone is stated: the time is recorded as UTC (see TextMetadataSchema).
  return `${date}T${pad(hour)}:${pad(minute)}:00Z`;
}

/** The first publication date in `text[from, to)`, or null. */
export function findDate(text: string, from: number, to: number): (TextSpan & { iso: string }) | null {
  const region = text.slice(from, to);
  const m = DATE_WORDS.exec(region);
  if (m) {
    const month = MONTHS.get(normalise(m[2] as string));
    if (month) {
      const iso = isoOf(toAscii(m[3] as string), month, toAscii(m[1] as string), m[4] ? toAscii(m[4]) : undefined, m[5] ? toAscii(m[5]) : undefined);
      if (iso) return { ...span(text, from + m.index, from + m.index + m[0].length), iso };
    }
  }
  const iso = DATE_ISO.exec(region);
  if (iso) {
    const value = isoOf(toAscii(iso[1] as string), toAscii(iso[2] as string), toAscii(iso[3] as string), iso[4] ? toAscii(iso[4]) : undefined, iso[5] ? toAscii(iso[5]) : undefined);
    if (value) return { ...span(text, from + iso.index, from + iso.index + iso[0].length), iso: value };
  }
  const dmy = DATE_DMY.exec(region);
  if (dmy) {
    const value = isoOf(toAscii(dmy[3] as string), toAscii(dmy[2] as string), toAscii(dmy[1] as string), dmy[4] ? toAscii(dmy[4]) : undefined, dmy[5] ? toAscii(dmy[5]) : undefined);
    if (value) return { ...span(text, from + dmy.index, from + dmy.index + dmy[0].length), iso: value };
  }
  return null;
}

/** An agency named in `text[from, to)`: whole-word match of the listed names. */
export function findAgency(text: string, from: number, to: number): (TextSpan & { name: string }) | null {
  const region = text.slice(from, to);
  for (const [surface, name] of AGENCY_WORDS) {
    let at = region.indexOf(surface);
    while (at >= 0) {
      const before = at > 0 ? region.charCodeAt(at - 1) : 0x20;
      const afterIdx = at + surface.length;
      const after = afterIdx < region.length ? region.charCodeAt(afterIdx) : 0x20;
      const letter = (c: number): boolean => charClass(c) === ARABIC_LETTER;
      // «لوكالة رويترز» counts too; a longer word containing the name does not.
      if (!letter(after) && (!letter(before) || (at === 1 && 'لب'.includes(region[0] as string)))) {
        return { ...span(text, from + at, from + afterIdx), name };
      }
      at = region.indexOf(surface, at + 1);
    }
  }
  return null;
}

/** Agency from a parenthesised credit «(رويترز)», «(أ ف ب)», «(AFP)». */
function agencyFromCredit(text: string, start: number, end: number): (TextSpan & { name: string }) | null {
  const key = normalise(text.slice(start, end)).replace(/[\s.\-]/g, '');
  const name = AGENCY_BY_KEY.get(key);
  return name ? { ...span(text, start, end), name } : null;
}

interface Dateline {
  city: TextSpan;
  agency: (TextSpan & { name: string }) | null;
  /** Where the body text after the dash begins. */
  bodyStart: number;
}

/** Letters-only words: the shape of a city name (1–3 words, no digits, no punctuation). */
function looksLikePlace(text: string, start: number, end: number): boolean {
  if (end <= start || end - start > MAX_DATELINE) return false;
  let words = 1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = charClass(c);
    if (c === 0x20) words++;
    else if (k !== ARABIC_LETTER && k !== ARABIC_MARK) return false;
  }
  return words <= 3;
}

/** «بغداد - », «بغداد – », «بغداد (رويترز) - » starting at `at`. */
function datelineAt(text: string, at: number, limit: number): Dateline | null {
  const end = Math.min(limit, at + MAX_DATELINE + 30);
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x2013 && c !== 0x2014) continue;
    // The dash must stand between spaces (or be followed by one): «بغداد - تعرضت».
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
    if (!isSkippable(next)) return null;
    let e = i;
    while (e > at && isSkippable(text.charCodeAt(e - 1))) e--;
    let agency: Dateline['agency'] = null;
    let cityEnd = e;
    if (text.charCodeAt(e - 1) === 0x29) {
      const open = text.lastIndexOf('(', e - 1);
      if (open > at) {
        agency = agencyFromCredit(text, open + 1, e - 1);
        cityEnd = open;
        while (cityEnd > at && isSkippable(text.charCodeAt(cityEnd - 1))) cityEnd--;
      }
    }
    if (!looksLikePlace(text, at, cityEnd)) return null;
    let bodyStart = i + 1;
    while (bodyStart < text.length && isSkippable(text.charCodeAt(bodyStart))) bodyStart++;
    return { city: span(text, at, cityEnd), agency, bodyStart };
  }
  return null;
}

/** Find where a one-line text's dateline sits: «… من العراق بغداد – أعلن …» (title run into body). */
function datelineInside(text: string, line: Line): Dateline | null {
  const limit = Math.min(line.end, line.start + ONE_LINE_SEARCH);
  for (let i = line.start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x2013 && c !== 0x2014) continue;
    if (i + 1 >= text.length || !isSkippable(text.charCodeAt(i + 1)) || i === 0 || !isSkippable(text.charCodeAt(i - 1))) continue;
    // The word before the dash, if it is a known city: the title ends just before it.
    let e = i - 1;
    while (e > line.start && isSkippable(text.charCodeAt(e - 1))) e--;
    for (let words = 1; words <= 2; words++) {
      let s = e;
      for (let w = 0; w < words; w++) {
        if (w > 0) while (s > line.start && text.charCodeAt(s - 1) === 0x20) s--;
        while (s > line.start && charClass(text.charCodeAt(s - 1)) === ARABIC_LETTER) s--;
      }
      if (CITIES.has(normalise(text.slice(s, e)))) {
        let bodyStart = i + 1;
        while (bodyStart < text.length && isSkippable(text.charCodeAt(bodyStart))) bodyStart++;
        return { city: span(text, s, e), agency: null, bodyStart };
      }
    }
  }
  return null;
}

/** Extract title, subtitles, dateline, agency and publication date from the text's header. */
export function extractMetadata(text: string, lines: Line[]): TextMetadata {
  const content = lines.filter((l) => l.end > l.start);
  const result: TextMetadata = { title: null, subtitles: [], dateline: null, agency: null, published: null };
  const firstLine = content[0];
  if (!firstLine) return result;

  let headerEnd = firstLine.end; // end of the header region (where a date/agency may be stated)
  let dateline: Dateline | null = datelineAt(text, firstLine.start, firstLine.end);

  if (firstLine.end - firstLine.start > BODY_LINE && !dateline) {
    // No line breaks at the top: the title runs into the body («… من العراق بغداد – أعلن …»).
    const inside = datelineInside(text, firstLine);
    if (inside) {
      let titleEnd = inside.city.start;
      while (titleEnd > firstLine.start && isSkippable(text.charCodeAt(titleEnd - 1))) titleEnd--;
      result.title = span(text, firstLine.start, titleEnd);
      dateline = inside;
      headerEnd = inside.city.end;
    } else {
      // A text with no line breaks and no dateline: only its opening can be a header.
      headerEnd = Math.min(firstLine.end, firstLine.start + ONE_LINE_SEARCH);
    }
  } else if (!dateline) {
    result.title = span(text, firstLine.start, firstLine.end);
    for (let ci = 1; ci < content.length; ci++) {
      const line = content[ci] as Line;
      const len = line.end - line.start;
      const at = datelineAt(text, line.start, line.end);
      if (at) {
        dateline = at;
        break;
      }
      const lineNorm = normalise(text.slice(line.start, line.end));
      // A city alone on its line before the body («بغداد»).
      if (len <= 25 && (CITIES.has(lineNorm) || (looksLikePlace(text, line.start, line.end) && lineNorm.split(' ').length === 1 && (content[ci + 1]?.end ?? 0) - (content[ci + 1]?.start ?? 0) > BODY_LINE))) {
        dateline = { city: span(text, line.start, line.end), agency: null, bodyStart: content[ci + 1]?.start ?? line.end };
        headerEnd = line.end;
        break;
      }
      // The byline/date line: an agency or a date, short: part of the header, not a subtitle.
      if (len <= 80 && (findDate(text, line.start, line.end) || findAgency(text, line.start, line.end))) {
        headerEnd = line.end;
        continue;
      }
      if (len > BODY_LINE || result.subtitles.length >= MAX_SUBTITLES) break;
      result.subtitles.push(span(text, line.start, line.end));
      headerEnd = line.end;
    }
  }

  if (dateline) {
    result.dateline = dateline.city;
    if (dateline.agency) result.agency = dateline.agency;
    headerEnd = Math.max(headerEnd, dateline.city.end);
  }
  const headerStart = firstLine.start;
  result.agency ??= findAgency(text, headerStart, headerEnd);
  result.published = findDate(text, headerStart, headerEnd);
  if (!result.published && dateline) {
    // «دمشق - ١٣ تموز ٢٠٢١ ١٠:٠٥ أعلنت …»: a date right after the dateline's dash.
    const after = findDate(text, dateline.bodyStart, Math.min(text.length, dateline.bodyStart + 80));
    if (after && after.start === dateline.bodyStart) result.published = after;
  }
  // A closing credit «(أ ف ب)» on the last line names the agency when the header does not.
  if (!result.agency) {
    const last = content[content.length - 1] as Line;
    const open = text.lastIndexOf('(', last.end);
    if (open >= last.start && text.charCodeAt(last.end - 1) === 0x29 && last.end - open < 20) {
      result.agency = agencyFromCredit(text, open + 1, last.end - 1);
    }
  }
  return result;
}
