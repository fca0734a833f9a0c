// Builds the word clusters (training/ner/word-clusters.ts) that the tagger can take as features
// (src/nlp/ner/clusters.ts, `eval:ner -- --clusters <file>`): `npm run build:clusters`.
//   npm run build:clusters -- --out /tmp/clusters.tsv.gz      WikiFANE + supplement (the default sources)
//   npm run build:clusters -- --sources wikifane,supplement,anercorp --out …   ANERcorp's text too
// ANERcorp is left out by default: the k-fold figure that judges the clusters tests on ANERcorp's
// articles, and clusters that had seen the test folds' text would flatter it (unseen news has no
// such help).
// Reads the corpora in place (ANERcorp and WikiFANE from ../shared, never copied here); only the text,
// never the tags. The output is `stem<TAB>coarse mid fine` per line, sorted; deterministic.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { projectPath } from '../../src/paths.js';
import { analyseText } from '../../src/nlp/text/index.js';
import { searchKey } from '../../src/nlp/text/normalise.js';
import { toNerToken } from '../../src/nlp/ner/tokens.js';
import type { ConllSentence } from './conll.js';
import { ANERCORP_FILE, readConll, SUPPLEMENT_FILE } from './options.js';
import { readWikiFane } from './wikifane.js';
import { buildWordClusters, DEFAULT_CLUSTER_OPTIONS, type ClusterToken } from './word-clusters.js';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: 'wikifane,supplement' },
    out: { type: 'string' },
    'min-count': { type: 'string', default: String(DEFAULT_CLUSTER_OPTIONS.minCount) },
    levels: { type: 'string', default: DEFAULT_CLUSTER_OPTIONS.levels.join(',') },
  },
});

const args = z
  .object({
    sources: z.string().transform((s) => s.split(',')).pipe(z.array(z.enum(['wikifane', 'supplement', 'anercorp'])).min(1)),
    out: z.string().min(1, '--out <file> is required'),
    'min-count': z.coerce.number().int().min(1),
    levels: z.string().transform((s) => s.split(',').map(Number)).pipe(z.array(z.number().int().min(2)).min(1)),
  })
  .parse(values);

const started = Date.now();
const corpora: Record<(typeof args.sources)[number], () => ConllSentence[]> = {
  wikifane: readWikiFane,
  supplement: () => readConll(projectPath(SUPPLEMENT_FILE)),
  anercorp: () => readConll(ANERCORP_FILE),
};
const sentences = args.sources.flatMap((source) => corpora[source]());
console.log(`${sentences.length} sentences from ${args.sources.join(', ')}`);

// Each sentence as the tagger meets it: the text layer's tokens, clustered by the stem key that the
// features look up (features.ts: searchKey of the stem after clitic removal), in the context of the
// neighbours' whole keys (a clitic is context: «وزير» and «لوزير» are followed by different words).
const tokens: ClusterToken[][] = sentences.map((sentence) =>
  analyseText(sentence.tokens.join(' ')).tokens.map((layerToken) => {
    const t = toNerToken(layerToken);
    if (t.kind === 'word') return { context: t.key, stem: searchKey(t.stem) };
    return { context: t.kind === 'number' ? '<num>' : t.key, stem: null };
  }),
);
console.log(`analysed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const clusters = buildWordClusters(tokens, { ...DEFAULT_CLUSTER_OPTIONS, minCount: args['min-count'], levels: args.levels });
const lines = [...clusters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([stem, path]) => `${stem}\t${path.join(' ')}`);
const text = `# word clusters (npm run build:clusters): ${args.sources.join(', ')}, levels ${args.levels.join(', ')}, min count ${args['min-count']}\n${lines.join('\n')}\n`;
writeFileSync(args.out, args.out.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
console.log(`wrote ${args.out}: ${clusters.size} stems in ${((Date.now() - started) / 1000).toFixed(0)} s`);
