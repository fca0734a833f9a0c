import type { EntityMention } from '../../src/schema/entities.js';
import { normalise, searchKey } from '../../src/nlp/text/normalise.js';
import seedNames from './seed-names.json' with { type: 'json' };

/** A name's words as the tagger compares them (normalised search keys). */
export function nameKey(s: string): string {
  return s
    .split(/\s+/)
    .map((w) => searchKey(normalise(w)))
    .join(' ');
}

/**
 * The seed-name check (the test's acceptance list and `npm run eval:ner:seeds`): every person,
 * organisation and place listed in seed-names.json for each seed, as `<seed> <TYPE>:<form>` when no
 * mention of its type has its words. A span a few letters shorter counts (a head noun's clitic, the
 * article elided after «ل»: «للحرس الثوري» = ل + الحرس الثوري, so the article of the first word is
 * optional on both sides); «حزب الله» for «كتائب حزب الله» does not.
 */
export function missedSeedNames(tagged: ReadonlyArray<{ file: string; entities: readonly EntityMention[] }>): { total: number; missed: string[] } {
  const gold = seedNames.seeds as Record<string, string[][]>;
  const missed: string[] = [];
  let total = 0;
  for (const { file, entities } of tagged) {
    const id = file.slice(0, 3);
    for (const [form = '', type = ''] of gold[id] ?? []) {
      total++;
      const g = nameKey(form).replace(/^ال/, '');
      const found = entities.some((e) => {
        const k = nameKey(e.text).replace(/^ال/, '');
        return e.type === type && (k === g || k.includes(g) || (g.includes(k) && k.length >= g.length - 3));
      });
      if (!found) missed.push(`${id} ${type}:${form}`);
    }
  }
  return { total, missed };
}
