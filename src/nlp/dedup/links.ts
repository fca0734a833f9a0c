/**
 * How pairwise facts are recorded (in the list of the article that found them; a story's facts are
 * its members' lists): one field per fact, named by the pair of article numbers (smaller first), so
 * that finding the same fact twice (a retry, or the other article of the pair finding it) gives the
 * same field again instead of a second one.
 */

import type { Basis } from './conflict-rules.js';

export type StoryLinkKind = 'exact' | 'near-duplicate' | 'reused-passage' | 'similar-content';

const KIND_CODES: Record<StoryLinkKind, string> = {
  exact: 'x',
  'near-duplicate': 'n',
  'reused-passage': 'p',
  'similar-content': 't',
};
const KIND_BY_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as StoryLinkKind]));

export interface PassagePair {
  /** Offsets in the article with the smaller number, then in the other. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export interface PairLink {
  kind: StoryLinkKind;
  a: number;
  b: number;
  similarity: number;
  passages: PassagePair[];
}

/** A similarity as stored: four decimals without trailing zeros («1», «0.5», «0.4123»): most are 0 or 1. */
function similarityText(similarity: number): string {
  return String(Number(similarity.toFixed(4)));
}

export function encodePairLink(link: PairLink): { field: string; value: string } {
  const [a, b] = link.a < link.b ? [link.a, link.b] : [link.b, link.a];
  const passages = link.passages.map((p) => `${p.aStart},${p.aEnd},${p.bStart},${p.bEnd}`).join(';');
  return { field: `l:${KIND_CODES[link.kind]}:${a}:${b}`, value: `${similarityText(link.similarity)}|${passages}` };
}

export function decodePairLink(field: string, value: string): PairLink | null {
  const match = /^l:([xnpt]):(\d+):(\d+)$/.exec(field);
  if (!match) return null;
  const kind = KIND_BY_CODE.get(match[1]!)!;
  const [similarity, passageText] = value.split('|');
  const passages = (passageText ?? '')
    .split(';')
    .filter((part) => part.length > 0)
    .map((part) => {
      const [aStart, aEnd, bStart, bEnd] = part.split(',').map(Number);
      return { aStart: aStart!, aEnd: aEnd!, bStart: bStart!, bEnd: bEnd! };
    });
  return { kind, a: Number(match[2]), b: Number(match[3]), similarity: Number(similarity), passages };
}

export type ClaimRelation = 'corroborates' | 'conflicts';

/** A stated number as a claim link records it (the story lists conflicting values from the index, quoted text from records). */
export interface LinkQuantity {
  value: number;
  valueMax: number | null;
  approx: boolean;
}

export interface ClaimPairLink {
  a: number;
  aClaim: number;
  b: number;
  bClaim: number;
  relation: ClaimRelation;
  similarity: number;
  /** For numeric claims: the counted thing's key. */
  counted: string | null;
  /** For numeric claims: the value each side states for the counted thing. */
  aQuantity?: LinkQuantity | null;
  bQuantity?: LinkQuantity | null;
  /** A corroboration between one source's copies (exact or near copy, a reprinted passage, the same sentence): not independent. */
  copy?: boolean;
  /** A conflict: why the two numbers were compared (see conflict-rules.ts). */
  basis?: Basis | null;
}

function encodeQuantity(q: LinkQuantity | null | undefined): string {
  return q ? `${q.value},${q.valueMax ?? ''},${q.approx ? 1 : 0}` : '';
}

function decodeQuantity(text: string | undefined): LinkQuantity | null {
  if (!text) return null;
  const [value, valueMax, approx] = text.split(',');
  return { value: Number(value), valueMax: valueMax ? Number(valueMax) : null, approx: approx === '1' };
}

export function encodeClaimLink(link: ClaimPairLink): { field: string; value: string } {
  const swap = link.a > link.b;
  const [a, aClaim, b, bClaim] = swap ? [link.b, link.bClaim, link.a, link.aClaim] : [link.a, link.aClaim, link.b, link.bClaim];
  const [aQuantity, bQuantity] = swap ? [link.bQuantity, link.aQuantity] : [link.aQuantity, link.bQuantity];
  const counted = link.counted ?? '';
  const basis = link.basis ? `${link.basis.subject}${link.basis.timing}` : '';
  const quantities = link.counted === null ? '' : `|${encodeQuantity(aQuantity)}|${encodeQuantity(bQuantity)}${basis ? `|${basis}` : ''}`;
  const code = link.relation === 'corroborates' && link.copy ? COPY_CODE : RELATION_CODES[link.relation];
  return { field: `c:${a}:${aClaim}:${b}:${bClaim}:${counted}`, value: `${code}|${similarityText(link.similarity)}${quantities}` };
}

/** Relations as one letter in the stored value (a story holds thousands of claim links). */
const RELATION_CODES: Record<ClaimRelation, string> = { corroborates: 'c', conflicts: 'x' };
const RELATION_BY_CODE = new Map(Object.entries(RELATION_CODES).map(([relation, code]) => [code, relation as ClaimRelation]));
/** A corroboration between copies of one source (links written before this code never carry it). */
const COPY_CODE = 'C';

export function decodeClaimLink(field: string, value: string): ClaimPairLink | null {
  const match = /^c:(\d+):(\d+):(\d+):(\d+):(.*)$/su.exec(field);
  if (!match) return null;
  const [code, similarity, aQuantity, bQuantity, basisText] = value.split('|');
  const copy = code === COPY_CODE;
  const relation = copy ? 'corroborates' : RELATION_BY_CODE.get(code ?? '');
  if (!relation) return null;
  return {
    a: Number(match[1]),
    aClaim: Number(match[2]),
    b: Number(match[3]),
    bClaim: Number(match[4]),
    counted: match[5]! === '' ? null : match[5]!,
    relation,
    similarity: Number(similarity),
    aQuantity: decodeQuantity(aQuantity),
    bQuantity: decodeQuantity(bQuantity),
    copy,
    basis: decodeBasis(basisText),
  };
}

function decodeBasis(text: string | undefined): Basis | null {
  if (!text || !/^[sn][dfu]$/u.test(text)) return null;
  return { subject: text[0] as Basis['subject'], timing: text[1] as Basis['timing'] };
}
