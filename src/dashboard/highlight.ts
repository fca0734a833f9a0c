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
 * break markup). Overlaps are fine: each stretch between two boundaries carries every mark over it.
 * Marks whose offsets do not fit the text are dropped, never guessed.
 */
export function highlightText(text: string, marks: readonly Mark[]): SafeHtml {
  const valid = marks.filter((mark) => Number.isInteger(mark.start) && Number.isInteger(mark.end) && mark.start >= 0 && mark.start < mark.end && mark.end <= text.length);
  const boundaries = [...new Set([0, text.length, ...valid.flatMap((mark) => [mark.start, mark.end])])].sort((a, b) => a - b);
  const pieces: SafeHtml[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i] ?? 0;
    const end = boundaries[i + 1] ?? 0;
    const covering = valid.filter((mark) => mark.start <= start && mark.end >= end);
    pieces.push(wrap(text.slice(start, end), covering));
  }
  return html`${pieces}`;
}

function wrap(slice: string, covering: readonly Mark[]): SafeHtml {
  let piece = html`${slice}`;
  const entity = covering.find((mark) => mark.kind === 'entity');
  if (entity) piece = html`<a class="ent ent-${entity.type ?? 'MISC'}" href="${entity.href ?? '#'}" title="${entity.title ?? ''}">${piece}</a>`;
  const reused = covering.find((mark) => mark.kind === 'reused');
  if (reused) piece = html`<span class="reused" title="${reused.title ?? ''}">${piece}</span>`;
  if (covering.some((mark) => mark.kind === 'boilerplate')) piece = html`<span class="boilerplate">${piece}</span>`;
  return piece;
}
