// Shared by the conflict-rule tests: one number's reading in a sentence (without NER), and two
// outlets' paragraphs decided as a labelled pair would be (the real chain, then dedup's claim step).
import { analyseText } from '../../src/nlp/text/index.js';
import { extractClaims } from '../../src/nlp/claims/index.js';
import { dedupOptions } from '../../src/nlp/dedup/params.js';
import { quantityFacts, type QuantityFacts } from '../../src/nlp/dedup/quantity-facts.js';
import { decidePair, readSide } from '../../scripts/lib/conflict-eval.js';
import type { PairSide } from '../../scripts/lib/conflict-pairs.js';

const options = dedupOptions();

/** The facts of the claim quantity that covers `number` in `text` (text layer and claims, no NER). */
export function factsOf(text: string, number: string): QuantityFacts {
  const layer = analyseText(text);
  const { claims } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
  const at = text.indexOf(number);
  for (const claim of claims) {
    const quantity = claim.quantities.find((q) => q.start <= at && q.end >= at + number.length);
    if (quantity) {
      const found = quantityFacts(claim, quantity, layer.tokens, []);
      if (typeof found === 'string') throw new Error(`«${number}»: ${found}`);
      return found;
    }
  }
  throw new Error(`«${number}» in «${text}»: no claim quantity`);
}

/**
 * Two outlets' paragraphs of one event, the same day, each `[text, number]`, through the chain and
 * the claim step. The labelled-pair fields the decision does not read (value, counted…) are filled
 * in plainly; `counted` only names the pair in messages.
 */
export async function decideSides(a: [string, string], b: [string, string], counted = 'عدد') {
  const side = ([text, number]: [string, string], outlet: string): PairSide => ({
    text, number, outlet, publishedAt: '2026-11-03T10:00:00Z', event: 'one-event', value: 0, valueMax: null, approx: false, kind: 'figure', counted, subject: 'الحادث', unit: null,
  });
  const pair = { a: side(a, 'الأفق'), b: side(b, 'الشاهد') };
  const [ra, rb] = [await readSide(pair.a, options), await readSide(pair.b, options)];
  return { decision: decidePair(pair, ra, rb, options), a: ra, b: rb };
}
