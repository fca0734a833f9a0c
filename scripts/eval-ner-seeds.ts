// The seed-name check of test/nlp/ner/tagger.test.ts for any weights file: which of the names listed
// in training/ner/seed-names.json the tagger finds in the seed articles (the same matching rule as
// the test). One bag of perceptrons finds one or two seed names more or fewer with its training seed
// alone, so a change is judged on several seeds (`train:ner -- --seed N --out <file>`), not one.
//   npm run eval:ner:seeds                        the committed weights
//   npm run eval:ner:seeds -- --weights <file>    another weights file
import './closed-pipe.js';
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadNerModel } from '../src/models/ner.js';
import { tagEntities } from '../src/nlp/ner/index.js';
import { analyseText } from '../src/nlp/text/index.js';
import { MemoryEntityRegistry } from '../src/store/entity-registry.js';
import { projectPath } from '../src/paths.js';
import { missedSeedNames } from '../training/ner/seed-names.js';

const { values } = parseArgs({ options: { weights: { type: 'string' } } });
const model = loadNerModel(values.weights);
const registry = new MemoryEntityRegistry();
const tagged = readdirSync(projectPath('seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const text = readFileSync(projectPath('seeds', file), 'utf8');
    return { file, entities: tagEntities(analyseText(text), text, model, { registry, articleId: file }) };
  });
const { total, missed } = missedSeedNames(tagged);
console.log(`seed names: ${total - missed.length} of ${total} found (${values.weights ?? 'committed weights'}); missed ${missed.length}:`);
for (const m of missed) console.log(`  ${m}`);
