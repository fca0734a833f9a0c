// How the gazetteer marks fall on ANERcorp's gold names, curated lists against curated + open data:
//   npx tsx training/ner/gazetteer-coverage.ts [--show place|given]
// Prints, per gold class (and O), how many word tokens carry a place mark (city, country, region)
// or a given-name mark; --show lists the forms that only the open-data lists mark, names and not.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseConll } from './conll.js';
import { alignConllSentence } from './corpus.js';
import { gazetteerMarks } from '../../src/nlp/ner/features.js';
import { buildGazetteer, curatedGazetteerLists, defaultGazetteerLists } from '../../src/nlp/ner/gazetteer.js';
import { TAGS } from '../../src/nlp/ner/tags.js';
import { projectPath } from '../../src/paths.js';

const args = z
  .object({ data: z.string(), show: z.enum(['place', 'given']).optional() })
  .parse(parseArgs({ options: { data: { type: 'string', default: projectPath('..', 'shared', 'data', 'anercorp', 'train.txt') }, show: { type: 'string' } } }).values);

const MARKS = { place: { re: /:(city|country|region)$/, type: 'LOC' }, given: { re: /:givenName$/, type: 'PER' } } as const;
const lists = { curated: buildGazetteer(curatedGazetteerLists()), all: buildGazetteer(defaultGazetteerLists()) };
const counts = new Map<string, number>();
const onlyOpen = { name: new Map<string, number>(), other: new Map<string, number>() };
const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

for (const sentence of parseConll(readFileSync(args.data, 'utf8'))) {
  const aligned = alignConllSentence(sentence);
  aligned.groups.forEach((tokens, g) => {
    const gold = aligned.goldGroups[g]!.map((t) => TAGS[t]!);
    const marks = { curated: gazetteerMarks(tokens, lists.curated), all: gazetteerMarks(tokens, lists.all) };
    tokens.forEach((token, i) => {
      if (token.kind !== 'word') return;
      const type = gold[i] === 'O' ? 'O' : gold[i]!.slice(2);
      bump(counts, `${type} tokens`);
      for (const [listName, list] of Object.entries(marks)) {
        for (const [markName, mark] of Object.entries(MARKS)) {
          if (list[i]!.some((m) => mark.re.test(m))) bump(counts, `${type} ${markName} (${listName})`);
        }
      }
      if (!args.show) return;
      const mark = MARKS[args.show];
      if (marks.all[i]!.some((m) => mark.re.test(m)) && !marks.curated[i]!.some((m) => mark.re.test(m))) {
        bump(type === mark.type ? onlyOpen.name : onlyOpen.other, token.key);
      }
    });
  });
}
for (const [key, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${key}\t${n}`);
if (args.show) {
  const top = (map: Map<string, number>): string => [...map].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, n]) => `${k}:${n}`).join(' ');
  const sum = (map: Map<string, number>): number => [...map.values()].reduce((a, b) => a + b, 0);
  console.log(`marked only by the open lists, gold ${MARKS[args.show].type}: ${sum(onlyOpen.name)}\n${top(onlyOpen.name)}`);
  console.log(`marked only by the open lists, gold other: ${sum(onlyOpen.other)}\n${top(onlyOpen.other)}`);
}
