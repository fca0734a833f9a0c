/**
 * npm run eval:stories [-- --dir DIR] [--part tune|heldout] [--verbose] [--option name=value ...]
 *
 * Event stories against a story gold set (`--dir`, default test/fixtures/stories-gold/, see its
 * README; another set in the same format, e.g. a new blind one, is read the same way): runs the
 * part's articles, in publication order, through the real stage code (tokenise → ner → claims, in
 * process, then the dedup stage's own input to the in-memory dedup index, the Redis index's twin),
 * takes each article's final story (after merges), maps each record to the gold by its url, and
 * prints pairwise and B-cubed precision, recall and F1, and the number of stories, singletons and
 * the largest story. `tune` is the part rules may be tuned on; `heldout` is blind: run it once per
 * change, for the figure, and it prints no per-article output (`--verbose` is refused there), except
 * a spent set's (the default set and set B, each spent by its one blind run on 2026-12-07).
 * `--option eventThreshold=0.2` overrides a dedup option (params.ts) for this run.
 */
import './closed-pipe.js';
import { pino } from 'pino';
import { STAGES } from '../src/pipeline/stage-chain.js';
import { dedupInputOf } from '../src/pipeline/stages/dedup.js';
import { newRecord } from '../src/pipeline/new-record.js';
import { MemoryDedupIndex, dedupOptions } from '../src/store/dedup-index.js';
import type { RecordInProgress } from '../src/schema/record.js';
import { STORIES_GOLD_DIR, SplitSchema, readGoldSplit } from '../training/stories/gold.js';
import { clusterScores } from '../training/stories/metrics.js';

function argValue(flag: string): string | null {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

const part = SplitSchema.parse(argValue('--part') ?? 'tune');
const dir = argValue('--dir') ?? STORIES_GOLD_DIR;
const verbose = process.argv.includes('--verbose');
// Sets whose held-out part was evaluated blind once and is development data since (each README's
// "Evaluations" says when); any other set's held-out part is blind: figures only.
const SPENT_SETS = new Set([STORIES_GOLD_DIR, 'test/fixtures/stories-gold-b', 'test/fixtures/stories-gold-c', 'test/fixtures/stories-gold-d', 'test/fixtures/stories-gold-e', 'test/fixtures/stories-gold-f', 'test/fixtures/stories-gold-g', 'test/fixtures/stories-gold-h', 'test/fixtures/stories-gold-i', 'test/fixtures/stories-gold-j', 'test/fixtures/stories-gold-k', 'test/fixtures/stories-gold-l']);
if (verbose && part === 'heldout' && !SPENT_SETS.has(dir.replace(/\/+$/, ''))) {
  console.error('eval:stories: --verbose lists per-article output; a new set\'s held-out part is blind (figures only)');
  process.exit(2);
}

function readGold(): ReturnType<typeof readGoldSplit> {
  try {
    return readGoldSplit(part, dir);
  } catch (error) {
    // A missing folder or a malformed line: say which set and why, not a stack trace.
    console.error(`eval:stories: cannot read the story gold in ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
const gold = readGold();
if (gold.length === 0) {
  console.error(`eval:stories: ${dir} has no article in part ${part}`);
  process.exit(2);
}
const logger = pino({ level: 'silent' });
// Every stage but dedup, initialised as analyse() does (in-memory registries); dedup gets its own index so that the final stories can be read.
const upstream = await Promise.all(STAGES.filter((stage) => stage.name !== 'dedup').map((stage) => stage.init({ redis: null, prefix: 'eval-stories', logger })));
const overrides = Object.fromEntries(
  process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--option' ? [arg.split('=')] : [])).map(([name, value]) => [name, Number(value)]),
);
const index = new MemoryDedupIndex(dedupOptions(overrides));

const started = performance.now();
const records: Array<{ record: RecordInProgress; goldIndex: number }> = [];
for (const [goldIndex, { article }] of gold.entries()) {
  let record = newRecord({ ...article, line: null, file: null }, { origin: null, pipelineVersion: 'eval-stories' });
  for (const processor of upstream) record = await processor(record);
  const step = await index.processArticle(dedupInputOf(record));
  record = { ...record, dedup: step.layer };
  records.push({ record, goldIndex });
}
const ms = performance.now() - started;

// Each record back to its gold article by url (the record's id is a hash of its own).
const byUrl = new Map(gold.map((g, i) => [g.article.url, i]));
const predicted: string[] = [];
const truth: string[] = [];
for (const { record } of records) {
  const at = byUrl.get(record.source.url ?? '');
  if (at === undefined) throw new Error(`eval:stories: record ${record.id} has no gold article with its url`);
  const status = await index.storyStatus(record.id);
  if (!status) throw new Error(`eval:stories: record ${record.id} has no story`);
  predicted.push(status.storyId);
  truth.push(gold[at]!.event);
}

const scores = clusterScores(predicted, truth);
const f = (x: number) => x.toFixed(3);
console.log(`eval:stories ${dir} --part ${part}${Object.keys(overrides).length ? ` (${JSON.stringify(overrides)})` : ''}: ${gold.length} articles, ${new Set(truth).size} events, ${scores.pairwise.truePairs} true pairs (${(ms / gold.length).toFixed(1)} ms an article)`);
console.log(`pairwise  precision ${f(scores.pairwise.precision)}  recall ${f(scores.pairwise.recall)}  F1 ${f(scores.pairwise.f1)}  (${scores.pairwise.correctPairs} correct of ${scores.pairwise.predictedPairs} predicted pairs)`);
console.log(`B-cubed   precision ${f(scores.bcubed.precision)}  recall ${f(scores.bcubed.recall)}  F1 ${f(scores.bcubed.f1)}`);
console.log(`stories ${scores.clusters}, of one article ${scores.singletons}, largest ${scores.largest}`);

if (verbose) {
  const stories = new Map<string, number[]>();
  predicted.forEach((story, i) => stories.set(story, [...(stories.get(story) ?? []), i]));
  for (const [storyId, members] of stories) {
    const story = await index.getStory(storyId);
    console.log(`\nstory ${storyId} (${members.length})${story?.headline ? ` «${story.headline}»` : ''}${story?.keyEntities ? ` [${story.keyEntities.map((e) => e.name).join('، ')}]` : ''}`);
    for (const i of members) {
      const { record } = records[i]!;
      const reason = record.dedup?.storyReason ?? '-';
      console.log(`  ${truth[i]!.padEnd(32)} ${gold[byUrl.get(record.source.url ?? '')!]!.goldId} ${record.source.publishedAt?.slice(5, 16)} ${String(record.source.name).padEnd(22)} ${reason.padEnd(16)} ${record.title ?? ''}`);
    }
  }
}

if (verbose) {
  // Every pair link between articles of different true events (joining or not): what a rule must reject.
  const eventById = new Map(records.map(({ record }, i) => [record.id, truth[i]!]));
  const goldById = new Map(records.map(({ record }) => [record.id, gold[byUrl.get(record.source.url ?? '')!]!.goldId]));
  console.log('\nlinks between different events:');
  for (const line of (await index.dumpState()).links) {
    const [kind, a, b, similarity, passages] = line.split(' ');
    if (kind?.startsWith('claim-') || !a || !b) continue;
    if (eventById.get(a) !== eventById.get(b)) console.log(`  ${kind} ${similarity} ${passages ?? ''} ${goldById.get(a)} ${eventById.get(a)} × ${goldById.get(b)} ${eventById.get(b)}`);
  }
}
