// Builds the segmenter's stem statistics, one generated file per source (and licence), from:
//   - ANERcorp (../shared/data/anercorp/train.txt, CC BY-SA 4.0): how often each normalised form
//     occurs alone, and how often with a clitic attached (counted over every analysis the clitic
//     grammar allows, so it is a weak signal; the "alone" count is the strong one);
//   - @cspell/dict-ar (Ayaspell word list, LGPL-3.0): whether a form is a word, and whether it takes
//     the article (ال + form is listed: a noun or adjective whose first letter is part of the stem).
// Only normalised forms, counts and flags are written: src/nlp/text/data/anercorp-counts.ts and
// src/nlp/text/data/ayaspell-flags.ts (see src/nlp/text/data/README.md).
// Run: npm run build:lexicon   (needs the dev dependencies and ../shared/data)
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { importTrie, Trie } from 'cspell-trie-lib';
import { projectPath } from '../src/paths.js';
import { normalise, lightNormalise } from '../src/nlp/text/normalise.js';
import { candidateStems } from '../src/nlp/text/clitics.js';

const require = createRequire(import.meta.url);
const anercorpPath = process.env.ANERCORP ?? projectPath('..', 'shared', 'data', 'anercorp', 'train.txt');

// 1. Corpus counts (light forms, so that the clitic grammar can see hamza alefs).
const aloneLight = new Map<string, number>();
for (const line of readFileSync(anercorpPath, 'utf8').split('\n')) {
  const token = line.split(' ')[0];
  if (!token) continue;
  const light = lightNormalise(token);
  if (!/^[\u0621-\u064a]+$/.test(light)) continue;
  aloneLight.set(light, (aloneLight.get(light) ?? 0) + 1);
}

const alone = new Map<string, number>();
const attached = new Map<string, number>();
for (const [light, count] of aloneLight) {
  const norm = normalise(light);
  alone.set(norm, (alone.get(norm) ?? 0) + count);
  for (const stem of candidateStems(light)) attached.set(stem, (attached.get(stem) ?? 0) + count);
}
console.log(`ANERcorp: ${aloneLight.size} light forms, ${alone.size} normalised, ${attached.size} candidate stems`);

// 2. The word list: every listed form, and the forms listed with the article.
// The package exports only its cspell-ext.json; the trie sits beside it.
const dictFile = join(dirname(require.resolve('@cspell/dict-ar/cspell-ext.json')), 'ar.trie.gz');
const trie = new Trie(importTrie(gunzipSync(readFileSync(dictFile)).toString('utf8').split('\n')));
const wanted = new Set<string>([...alone.keys(), ...attached.keys()]);
const inDict = new Set<string>();
/** Forms that the word list also spells with a bare alef first (اسم, انسحاب), not only أ إ آ. */
const bareAlefListed = new Set<string>();
const takesArticle = new Set<string>();
/** Nouns the word list gives with the article whose first letter is also a proclitic letter (وزير, بيان …). */
const cliticInitialNouns = new Set<string>();
let listed = 0;
for (const word of trie.words()) {
  if (word.startsWith('~')) continue; // case/accent-folded duplicates
  listed++;
  const norm = normalise(word);
  if (wanted.has(norm)) {
    inDict.add(norm);
    if (lightNormalise(word).startsWith('ا')) bareAlefListed.add(norm);
  }
  if (norm.startsWith('ال') && norm.length >= 4) {
    const rest = norm.slice(2);
    if (wanted.has(rest)) takesArticle.add(rest);
    if ('وفبلكس'.includes(rest[0] as string) && rest.length >= 3 && rest.length <= 9) cliticInitialNouns.add(rest);
  }
}
// A stem X such that «ال»+X is really a verb of a root with ل first (التقى, التزم, التحقت): the word
// list has its imperfect «يل»+X (or of X less a subject suffix). Such an «ال» is not the article.
const alVerb = new Set<string>();
for (const x of wanted) {
  if (x.length < 2) continue;
  const bases = [x];
  for (const suffix of ['ت', 'وا', 'ا', 'نا', 'تم', 'تا']) if (x.endsWith(suffix) && x.length - suffix.length >= 2) bases.push(x.slice(0, -suffix.length));
  // The word list writes the final alef maqsura; the normalised form has ي.
  if (bases.some((b) => trie.has(`يل${b}`) || (b.endsWith('ي') && trie.has(`يل${b}`)))) alVerb.add(x);
}
console.log(`${alVerb.size} stems whose ال-form is a verb`);
console.log(`word list: ${listed} forms; ${inDict.size} of ours listed, ${takesArticle.size} take ال; ${cliticInitialNouns.size} clitic-initial nouns`);

// 3. Two generated files, one per source and licence (see src/nlp/text/data/README.md):
//   anercorp-counts.ts  `norm<TAB>alone<TAB>attached` for every form the corpus gives a count
//                       (CC BY-SA 4.0, from ANERcorp alone);
//   ayaspell-flags.ts   `norm<TAB>flags` (d, a, h, v) for the forms the segmenter can ask about
//                       (LGPL-3.0, facts from the word list alone): the corpus forms, and the word
//                       list's clitic-initial nouns that a split could threaten (their rest, past one
//                       or two letters, is a stem the corpus knows), which keeps it to a tenth.
// The lexicon (src/nlp/text/lexicon.ts) merges them; a form that is never alone and not listed
// carries no evidence there, as before the split.
const inCorpus = (s: string): boolean => alone.has(s) || attached.has(s);
const threatened = [...cliticInitialNouns].filter((w) => inCorpus(w.slice(1)) || inCorpus(w.slice(2)));
const countRows: string[] = [];
for (const norm of [...new Set<string>([...alone.keys(), ...attached.keys()])].sort()) {
  countRows.push(`${norm}\t${alone.get(norm) ?? 0}\t${attached.get(norm) ?? 0}`);
}
const flagRows: string[] = [];
for (const norm of [...new Set<string>([...alone.keys(), ...attached.keys(), ...threatened])].sort()) {
  const flags =
    (inDict.has(norm) || cliticInitialNouns.has(norm) ? 'd' : '') +
    (takesArticle.has(norm) || cliticInitialNouns.has(norm) ? 'a' : '') +
    // «اية» is listed only as «آية», «احد» only as «أحد»: a bare alef there is not this word.
    (norm.startsWith('ا') && inDict.has(norm) && !bareAlefListed.has(norm) ? 'h' : '') +
    (alVerb.has(norm) ? 'v' : '');
  if (flags !== '') flagRows.push(`${norm}\t${flags}`);
}

const dictPackage = JSON.parse(readFileSync(join(dirname(require.resolve('@cspell/dict-ar/cspell-ext.json')), 'package.json'), 'utf8')) as { version: string };
const files: { name: string; header: string[]; constant: string; rows: string[] }[] = [
  {
    name: 'anercorp-counts.ts',
    header: [
      'Source: ANERcorp (Benajiba, Rosso and Benedí, 2007), training part, as re-released by CAMeL Lab.',
      'Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this file is shared under it.',
      'Rows `norm<TAB>alone<TAB>attached`: counts of normalised word forms only, no text.',
    ],
    constant: 'ANERCORP_COUNT_ROWS',
    rows: countRows,
  },
  {
    name: 'ayaspell-flags.ts',
    header: [
      `Source: the Ayaspell Arabic word list, as packaged in @cspell/dict-ar ${dictPackage.version} (Street Side Software).`,
      'Licence: LGPL-3.0 (https://www.gnu.org/licenses/lgpl-3.0.html); this file is shared under it.',
      'Rows `norm<TAB>flags`: d listed, a listed with ال, h listed only with a hamza alef first, v «يل»+form listed.',
    ],
    constant: 'AYASPELL_FLAG_ROWS',
    rows: flagRows,
  },
];
for (const file of files) {
  writeFileSync(
    projectPath('src', 'nlp', 'text', 'data', file.name),
    '// GENERATED by scripts/build-text-lexicon.ts (npm run build:lexicon): do not edit by hand.\n' +
      file.header.map((line) => `// ${line}\n`).join('') +
      '// See README.md beside this file.\n' +
      `export const ${file.constant} = ${JSON.stringify(file.rows.join('\n'))};\n`,
  );
  console.log(`wrote ${file.rows.length} rows to src/nlp/text/data/${file.name}`);
}
