// Runs the claims stage on a composed text through the real text layer.
import { analyseText } from '../../../src/nlp/text/index.js';
import { extractClaims, type ClaimsLayer } from '../../../src/nlp/claims/index.js';
import type { Claim } from '../../../src/schema/claims.js';
import type { EntityMention } from '../../../src/schema/entities.js';

export function claimsOf(text: string, options: { entities?: EntityMention[]; publishedAt?: string | null } = {}): ClaimsLayer {
  const layer = analyseText(text);
  return extractClaims({
    text,
    tokens: layer.tokens,
    sentences: layer.sentences,
    entities: options.entities ?? [],
    publishedAt: options.publishedAt ?? null,
  });
}

export function attributed(text: string, options: { entities?: EntityMention[]; publishedAt?: string | null } = {}): Claim[] {
  return claimsOf(text, options).claims.filter((c) => c.kind === 'attributed');
}

export function numeric(text: string): Claim[] {
  return claimsOf(text).claims.filter((c) => c.kind === 'numeric');
}

/** A hand-written mention of `surface` (its n-th occurrence) in `text`. */
export function mention(text: string, surface: string, type: EntityMention['type'], entityId: string, n = 0): EntityMention {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`no «${surface}» in the text`);
  return { text: surface, start: at, end: at + surface.length, type, entityId, canonical: surface, confidence: 0.9 };
}
