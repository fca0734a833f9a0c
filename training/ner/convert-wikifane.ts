// Converts WikiFANE Gold and reports what came out (sizes, names per class, tag counts).
//   npm run convert:wikifane                       report only
//   npm run convert:wikifane -- --out /tmp/wf.conll  also write the converted corpus as CoNLL (`token TAG`);
//                                                  keep it outside the project (CC BY-SA 3.0 text, never committed)
//   npm run convert:wikifane -- --data <file>      another copy of WikiFANE_Gold_2014_500K.txt
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { convertWikiFane, WIKIFANE_FILE } from './wikifane.js';
import type { ConllSentence } from './conll.js';

const args = z
  .object({ data: z.string().min(1), out: z.string().min(1).optional() })
  .parse(parseArgs({ options: { data: { type: 'string', default: WIKIFANE_FILE }, out: { type: 'string' } } }).values);

const content = readFileSync(args.data, 'utf8');
const { sentences, dropped } = convertWikiFane(content);
const tokens = sentences.reduce((sum, s) => sum + s.tokens.length, 0);
const tagCounts = new Map<string, number>();
const names = new Map<string, number>();
for (const sentence of sentences) {
  for (const tag of sentence.tags) {
    tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    if (tag.startsWith('B-')) names.set(tag.slice(2), (names.get(tag.slice(2)) ?? 0) + 1);
  }
}
const sourceRows = content.split('\n').filter((line) => line.includes('\t')).length;
console.log(`${args.data}: ${sourceRows} source rows → ${sentences.length} sentences, ${tokens} tokens (${dropped} sentences left out)`);
console.log(`names: ${[...names].sort((a, b) => b[1] - a[1]).map(([type, n]) => `${type} ${n}`).join(', ')}`);
console.log(`tags: ${[...tagCounts].sort((a, b) => a[0].localeCompare(b[0])).map(([tag, n]) => `${tag} ${n}`).join(', ')}`);
if (args.out) {
  writeFileSync(args.out, toConll(sentences));
  console.log(`wrote ${args.out}`);
}

function toConll(list: readonly ConllSentence[]): string {
  return list.map((s) => s.tokens.map((token, i) => `${token} ${s.tags[i]}\n`).join('')).join('\n');
}
