import type { EnrichedRecord } from '../schema/record.js';
import { html, pathSegment, SafeHtml } from './html.js';

/** One marked stretch of the original text: [start, end) UTF-16 offsets, as every span in a record. */
export interface Mark {
  start: number;
  end: number;
  kind: 'entity' | 'reused' | 'boilerplate';
  /** Entity type (PER, ORG, LOC, MISC) for entities. */
  type?: string;
  /** Where the mark links (entity page, the other article). */
  href?: string;
  title?: string;
}

/** The marks a record carries: entities, passages reused from other articles, boilerplate. */
export function recordMarks(record: EnrichedRecord): Mark[] {
  const marks: Mark[] = [];
  for (const entity of record.entities ?? []) {
    marks.push({ start: entity.start, end: entity.end, kind: 'entity', type: entity.type, href: `/entities/${pathSegment(entity.entityId)}`, title: `${entity.type}: ${entity.canonical}` });
  }
  for (const passage of record.dedup?.reusedPassages ?? []) {
    marks.push({ start: passage.start, end: passage.end, kind: 'reused', href: `/records/${pathSegment(passage.otherId)}`, title: `also in ${passage.otherId}` });
  }
  for (const span of record.boilerplate) marks.push({ start: span.start, end: span.end, kind: 'boilerplate', title: span.kind });
  return marks;
}

/**
 * The original text as HTML with its marks, built by slicing the text at the marks' offsets and
 * escaping each slice (never by search-and-replace, which would mark the wrong occurrence or
 * break markup). An entity is always one link, whole; reused passages and boilerplate, which may
 * overlap entities, are marked inside and around them. Marks whose offsets do not fit the text are
 * dropped, never guessed; an entity overlapping an earlier one is dropped too (mentions do not nest).
 */
export function highlightText(text: string, marks: readonly Mark[]): SafeHtml {
  const valid = marks.filter((mark) => Number.isInteger(mark.start) && Number.isInteger(mark.end) && mark.start >= 0 && mark.start < mark.end && mark.end <= text.length);
  const layers = valid.filter((mark) => mark.kind !== 'entity');
  const pieces: SafeHtml[] = [];
  let at = 0;
  for (const entity of valid.filter((mark) => mark.kind === 'entity').sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (entity.start < at) continue;
    if (entity.start > at) pieces.push(layered(text, at, entity.start, layers));
    pieces.push(html`<a class="ent ent-${entity.type ?? 'MISC'}" href="${entity.href ?? '#'}" title="${entity.title ?? ''}">${layered(text, entity.start, entity.end, layers)}</a>`);
    at = entity.end;
  }
  if (at < text.length) pieces.push(layered(text, at, text.length, layers));
  return html`${pieces}`;
}

/** text[from, to) with the reused-passage and boilerplate marks that cover each stretch of it. */
function layered(text: string, from: number, to: number, marks: readonly Mark[]): SafeHtml {
  const inside = marks.filter((mark) => mark.start < to && mark.end > from);
  const boundaries = [...new Set([from, to, ...inside.flatMap((mark) => [mark.start, mark.end]).filter((offset) => offset > from && offset < to)])].sort((a, b) => a - b);
  const pieces: SafeHtml[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i] ?? from;
    const end = boundaries[i + 1] ?? to;
    const covering = inside.filter((mark) => mark.start <= start && mark.end >= end);
    let piece = html`${text.slice(start, end)}`;
    const reused = covering.find((mark) => mark.kind === 'reused');
    if (reused) piece = html`<span class="reused" title="${reused.title ?? ''}">${piece}</span>`;
    if (covering.some((mark) => mark.kind === 'boilerplate')) piece = html`<span class="boilerplate">${piece}</span>`;
    pieces.push(piece);
  }
  return html`${pieces}`;
}
