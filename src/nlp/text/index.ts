// The text layer (the tokenise stage's science): metadata, boilerplate spans, sentences and tokens
// with normal forms and clitic segments, all as offsets into the untouched original text.
import type { BoilerplateSpan, TextLayer, Token, TokenKind } from '../../schema/text.js';
import { findBoilerplate } from './boilerplate.js';
import { FormTable } from './form-table.js';
import { segmentWordUncached, segmentsOf, type Segmentation } from './clitics.js';
import { defaultWholeEvidence } from './lexicon.js';
import { splitLines } from './lines.js';
import { extractMetadata } from './metadata.js';
import { normalise, searchKey } from './normalise.js';
import { splitSentences } from './sentences.js';
import { tokenise, type RawToken } from './tokenise.js';

export { normalise, searchKey, lightNormalise, foldAlef } from './normalise.js';
export { segmentWord, segmentsOf, createSegmenter, type Segmentation } from './clitics.js';
export { tokenise, type RawToken } from './tokenise.js';
export { splitSentences } from './sentences.js';
export { splitLines, type Line } from './lines.js';
export { extractMetadata, findDate, findAgency } from './metadata.js';
export { findBoilerplate } from './boilerplate.js';
export { isSkippable } from './chars.js';
export { detectLanguage, languageWarnings } from './language.js';

/** What a word form turns into, computed once per form (forms repeat: «في», «العراق»). */
interface FormInfo {
  norm: string;
  key: string;
  segments: string[];
  stem: string;
  /** Stem offsets relative to the token's start. */
  stemStart: number;
  stemEnd: number;
  /** The form is a whole word the lexicon does not know, starting with a proclitic letter. */
  unknownCliticInitial: boolean;
}

const FORM_CACHE_SIZE = 30_000;
const formCache = new FormTable<FormInfo>(FORM_CACHE_SIZE);

function wordInfo(form: string): FormInfo {
  const cached = formCache.get(form);
  if (cached) return cached;
  const seg: Segmentation = segmentWordUncached(form);
  const unsplit = seg.proclitics.length === 0 && seg.enclitics.length === 0;
  // An unsplit word's stem is its norm already (no second normalisation).
  const norm = unsplit ? seg.stem : normalise(form);
  const info: FormInfo = {
    norm,
    key: searchKey(norm),
    segments: segmentsOf(seg),
    stem: seg.stem,
    stemStart: seg.stemStart,
    stemEnd: seg.stemEnd,
    unknownCliticInitial: unsplit && norm.length >= 4 && 'وفبلك'.includes(norm[0] as string) && defaultWholeEvidence(norm) === 0,
  };
  formCache.add(form, info);
  return info;
}

function plainInfo(text: string, kind: TokenKind, raw: RawToken): FormInfo {
  const norm = normalise(text);
  if (kind === 'number' && raw.digitsStart > raw.start) {
    // «بـ14» → ["ب", "14"], «الـ7» → ["ال", "7"]: the proclitics, then the number as the stem.
    const prefixLength = raw.digitsStart - raw.start;
    const prefix = normalise(text.slice(0, prefixLength));
    const digits = normalise(text.slice(prefixLength));
    const proclitics = prefixLength > 0 ? splitNumberPrefix(prefix) : [];
    return { norm, key: searchKey(norm), segments: [...proclitics, digits], stem: digits, stemStart: prefixLength, stemEnd: text.length, unknownCliticInitial: false };
  }
  const value = norm === '' ? text : norm;
  return { norm: value, key: searchKey(value), segments: [value], stem: value, stemStart: 0, stemEnd: text.length, unknownCliticInitial: false };
}

/** «وبال» → ["و", "ب", "ال"], «لل» → ["ل", "ال"]. */
function splitNumberPrefix(prefix: string): string[] {
  const out: string[] = [];
  let i = 0;
  if (prefix[i] === 'و' || prefix[i] === 'ف') out.push(prefix[i++] as string);
  if (prefix.slice(i) === 'لل') return [...out, 'ل', 'ال'];
  if ('بلك'.includes(prefix[i] ?? '-') && i < prefix.length) out.push(prefix[i++] as string);
  if (prefix.slice(i) === 'ال') out.push('ال');
  else if (i < prefix.length) out.push(prefix.slice(i));
  return out;
}

/**
 * One unknown word that starts with a proclitic letter is split when its rest occurs on its own in
 * the same text: «لقاآني» next to «قاآني» (one sense per discourse; the rest must be an Arabic word).
 */
function documentSplit(info: FormInfo, standalone: Set<string>): FormInfo | null {
  const rest = info.norm.slice(1);
  if (!standalone.has(rest)) return null;
  return { ...info, segments: [info.norm[0] as string, rest], stem: rest, stemStart: -1, unknownCliticInitial: false };
}

/** Index of the first span whose end is past `pos` (spans sorted, non-overlapping). */
function inSpans(spans: BoilerplateSpan[], cursor: { i: number }, start: number, end: number): boolean {
  while (cursor.i < spans.length && (spans[cursor.i] as BoilerplateSpan).end <= start) cursor.i++;
  const s = spans[cursor.i];
  return s !== undefined && s.start < end && start < s.end;
}

/** The whole text layer of one article text. Never throws on any string; linear in its length. */
export function analyseText(text: string): TextLayer {
  const raw = tokenise(text);
  const lines = splitLines(text);
  const boilerplate = findBoilerplate(text, lines);
  const metadata = extractMetadata(text, lines);
  // A title run into the body on one line («… من العراق بغداد – أعلن …») is a sentence of its own.
  const breaks = metadata.title && metadata.dateline && metadata.dateline.start > metadata.title.end ? [metadata.title.end] : [];
  const { sentences, tokenSentence } = splitSentences(text, raw, breaks);

  const infos: FormInfo[] = new Array(raw.length);
  const forms: string[] = new Array(raw.length);
  let anyUnknown = false;
  for (let t = 0; t < raw.length; t++) {
    const r = raw[t] as RawToken;
    let form: string;
    let info: FormInfo;
    if (r.kind === 'word') {
      // A cached form is found from the text itself and its stored string shared by the token.
      const cachedForm = formCache.getRange(text, r.start, r.end);
      if (cachedForm !== undefined) {
        form = cachedForm;
        info = formCache.lastFound as FormInfo;
      } else {
        form = text.slice(r.start, r.end);
        info = wordInfo(form);
      }
    } else {
      form = text.slice(r.start, r.end);
      info = plainInfo(form, r.kind, r);
    }
    forms[t] = form;
    infos[t] = info;
    if (info.unknownCliticInitial) anyUnknown = true;
  }
  // Which of the rests that an unknown word could split on stand alone in this text (a small set:
  // only those rests are looked for).
  const standalone = new Set<string>();
  if (anyUnknown) {
    const wanted = new Set<string>();
    for (const info of infos) if (info.unknownCliticInitial) wanted.add(info.norm.slice(1));
    for (let t = 0; t < raw.length; t++) {
      const info = infos[t] as FormInfo;
      if (info.segments.length === 1 && wanted.has(info.norm) && (raw[t] as RawToken).kind === 'word') standalone.add(info.norm);
    }
  }

  const tokens: Token[] = new Array(raw.length);
  const cursor = { i: 0 };
  for (let t = 0; t < raw.length; t++) {
    const r = raw[t] as RawToken;
    let info = infos[t] as FormInfo;
    let stemStart = r.start + info.stemStart;
    if (anyUnknown && info.unknownCliticInitial) {
      const split = documentSplit(info, standalone);
      if (split) {
        info = split;
        // The rest starts after the first letter and the marks on it.
        let s = r.start + 1;
        while (s < r.end && normalise(text[s] as string) === '') s++;
        stemStart = s;
      }
    }
    const token: Token = {
      text: forms[t] as string,
      start: r.start,
      end: r.end,
      kind: r.kind,
      norm: info.norm,
      key: info.key,
      segments: info.segments,
      stem: info.stem,
      stemStart,
      stemEnd: r.start + info.stemEnd,
      sentence: tokenSentence[t] as number,
    };
    const boiler = boilerplate.length > 0 && inSpans(boilerplate, cursor, r.start, r.end);
    if (r.mixedScript || boiler) {
      token.flags = [];
      if (r.mixedScript) token.flags.push('mixed-script');
      if (boiler) token.flags.push('boilerplate');
    }
    tokens[t] = token;
  }
  return { metadata, boilerplate, sentences, tokens };
}
