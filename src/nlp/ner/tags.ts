import type { EntityType } from '../../schema/entities.js';

/** IOB2 tag set: index 0 is O, then B-/I- for each entity type. The order is baked into the weights. */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((type) => [`B-${type}`, `I-${type}`])];
export const TAG_COUNT = TAGS.length;
export const TAG_O = 0;

export function tagIndex(tag: string): number {
  const index = TAGS.indexOf(tag);
  if (index < 0) throw new Error(`unknown NER tag ${tag}`);
  return index;
}

/** Entity type of a tag index (null for O). */
export function tagType(tag: number): EntityType | null {
  return tag === TAG_O ? null : (ENTITY_TYPES[(tag - 1) >> 1] ?? null);
}

export function isBegin(tag: number): boolean {
  return tag !== TAG_O && (tag - 1) % 2 === 0;
}

export function isInside(tag: number): boolean {
  return tag !== TAG_O && (tag - 1) % 2 === 1;
}

export function beginTag(type: EntityType): number {
  return 1 + 2 * ENTITY_TYPES.indexOf(type);
}

/** IOB2: I-X may only follow B-X or I-X. Viterbi forbids every other transition into an I tag. */
export function transitionAllowed(previous: number | null, next: number): boolean {
  if (!isInside(next)) return true;
  if (previous === null || previous === TAG_O) return false;
  return tagType(previous) === tagType(next);
}

/** A contiguous run of tags that forms one entity: [first, last] token indices inclusive. */
export interface TagChunk {
  type: EntityType;
  first: number;
  last: number;
}

/** Chunks of an IOB2 sequence (a stray I-X opens a chunk, as conlleval does). */
export function chunksOf(tags: readonly number[]): TagChunk[] {
  const chunks: TagChunk[] = [];
  let open: TagChunk | null = null;
  tags.forEach((tag, index) => {
    const type = tagType(tag);
    if (type !== null && isInside(tag) && open && open.type === type) {
      open.last = index;
      return;
    }
    if (open) chunks.push(open);
    open = type === null ? null : { type, first: index, last: index };
  });
  if (open) chunks.push(open);
  return chunks;
}
