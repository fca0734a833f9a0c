// The seed-name check of test/nlp/ner/tagger.test.ts for any weights file: which of the names listed
// in test/nlp/ner/seed-names.json the tagger finds in the seed articles (the same matching rule as
// the test). One bag of perceptrons finds one or two seed names more or fewer with its training seed
// alone, so a change is judged on several seeds (`train:ner -- --seed N --out <file>`), not one.
//   npm run eval:ner:seeds                        the committed weights
//   npm run eval:ner:seeds -- --weights <file>    another weights file
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadNerModel } from '../src/models/ner.js';
import { tagEntities } from '../src/nlp/ner/index.js';
import { analyseText } from '../src/nlp/text/index.js';
import { normalise, searchKey } from '../src/nlp/text/normalise.js';
import { MemoryEntityRegistry } from '../src/store/entity-registry.js';
import { projectPath } from '../src/paths.js';
import seedNames from '../test/nlp/ner/seed-names.json' with { type: 'json' };

const { values } = parseArgs({ options: { weights: { type: 'string' } } });
const model = loadNerModel(values.weights);
const registry = new MemoryEntityRegistry();
const key = (s: string): string =>
  s
    .split(/\s+/)
    .map((w) => searchKey(normalise(w)))
    .join(' ');
const gold = seedNames.seeds as Record<string, string[][]>;

const missed: string[] = [];
let total = 0;
for (const file of readdirSync(projectPath('seeds')).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(projectPath('seeds', file), 'utf8');
  const entities = tagEntities(analyseText(text), text, model, { registry, articleId: file });
  const id = file.slice(0, 3);
  for (const [form = '', type = ''] of gold[id] ?? []) {
    total++;
    // As in the test: the first word's article is optional, and a span a few letters shorter counts.
    const g = key(form).replace(/^ال/, '');
    const found = entities.some((e) => {
      const k = key(e.text).replace(/^ال/, '');
      return e.type === type && (k === g || k.includes(g) || (g.includes(k) && k.length >= g.length - 3));
    });
    if (!found) missed.push(`${id} ${type}:${form}`);
  }
}
console.log(`seed names: ${total - missed.length} of ${total} found (${values.weights ?? 'committed weights'}); missed ${missed.length}:`);
for (const m of missed) console.log(`  ${m}`);
