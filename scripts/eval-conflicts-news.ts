/**
 * npm run eval:conflicts:news -- <saudinewsnet day zip>… [--limit N] [--corroborations] [--full] [--option name=value]
 *
 * Real news for the hand check of issue 25: every article of the given SaudiNewsNet days, in arrival
 * order, through the in-process chain (text layer, NER, claims) and one in-memory dedup index, as the
 * pipeline would run them. Prints every conflict the stories report, each with its reason and every
 * value's outlet, number and sentence, so that a reader can judge each one; then counts (conflict
 * links between article pairs, story conflicts) and a check of the corroborated claims: no outlet
 * listed twice in a group, no two listed claims from copies of one article (exact, near duplicate, or
 * a claim in or next to a reprinted passage). `--corroborations` also prints each corroborated group; `--full` quotes whole
 * claims (by default a window around the number). Reads the data where it
 * lies; writes nothing (nothing derived from SaudiNewsNet may be committed).
 */
import './closed-pipe.js';
import { basename } from 'node:path';
import { pino } from 'pino';
import { STAGES } from '../src/pipeline/stage-chain.js';
import { dedupInputOf } from '../src/pipeline/stages/dedup.js';
import { newRecord } from '../src/pipeline/new-record.js';
import { MemoryDedupIndex, dedupOptions } from '../src/store/dedup-index.js';
import type { RecordInProgress } from '../src/schema/record.js';
import type { Story } from '../src/schema/story.js';
import { readNewsDay } from './lib/news-day.js';

const args = process.argv.slice(2);
const flagValue = (flag: string): string | null => {
  const at = args.indexOf(flag);
  return at >= 0 ? (args[at + 1] ?? null) : null;
};
const limitArg = flagValue('--limit');
const limit = limitArg === null ? Infinity : Number(limitArg);
if (!Number.isFinite(limit) && limitArg !== null) throw new Error(`--limit needs a number, got ${limitArg}`);
const showCorroborations = args.includes('--corroborations');
const days = args.filter((arg, i) => arg.endsWith('.zip') && args[i - 1] !== '--limit' && args[i - 1] !== '--option');
if (days.length === 0) {
  console.error('usage: npm run eval:conflicts:news -- <saudinewsnet day zip>… [--limit N] [--corroborations]');
  process.exit(2);
}

const logger = pino({ level: 'silent' });
const upstream = await Promise.all(STAGES.filter((stage) => stage.name !== 'dedup').map((stage) => stage.init({ redis: null, prefix: 'eval-conflicts-news', logger })));
// `--option name=value`: a dedup option (a number, or true/false), e.g. `--option conflictSameEventOnly=false`.
const overrides = Object.fromEntries(
  args.flatMap((arg, i) => (args[i - 1] === '--option' ? [arg.split('=')] : [])).map(([name, value]) => [name, value === 'true' ? true : value === 'false' ? false : Number(value)]),
);
const index = new MemoryDedupIndex(dedupOptions(overrides));

const articles = days.flatMap((day) => readNewsDay(day)).slice(0, limit);
const records = new Map<string, RecordInProgress>();
/** Articles that are one source with another (exact copy, near duplicate, reprinted passage): unordered id pairs. */
const copyPairs = new Set<string>();
/** Pairs linked only by a reused passage (one source only for the claims in or next to it). */
const passageOnly = new Set<string>();
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
let conflictLinks = 0;
const started = performance.now();
for (const article of articles) {
  let record = newRecord({ text: article.text, title: article.title, sourceName: article.source, url: article.url, publishedAt: article.publishedAt, line: null, file: null }, { origin: null, pipelineVersion: 'eval-conflicts-news' });
  for (const processor of upstream) record = await processor(record);
  const step = await index.processArticle(dedupInputOf(record));
  record = { ...record, dedup: step.layer };
  records.set(record.id, record);
  const layer = step.layer;
  if (layer.exactDuplicateOf) copyPairs.add(pairKey(record.id, layer.exactDuplicateOf));
  for (const near of layer.nearDuplicates) copyPairs.add(pairKey(record.id, near.id));
  for (const passage of layer.reusedPassages) {
    if (!copyPairs.has(pairKey(record.id, passage.otherId))) passageOnly.add(pairKey(record.id, passage.otherId));
    copyPairs.add(pairKey(record.id, passage.otherId));
  }
  conflictLinks += layer.claimLinks.filter((link) => link.relation === 'conflicts').length;
}
const ms = performance.now() - started;

// The surviving stories, each read once.
const storyIds = new Set<string>();
for (const id of records.keys()) {
  const status = await index.storyStatus(id);
  if (status) storyIds.add(status.storyId);
}
const stories: Story[] = [];
for (const id of [...storyIds].sort()) {
  const story = await index.getStory(id);
  if (story) stories.push(story);
}

const oneLine = (text: string | null) => (text ?? '(text not known)').replace(/\s+/gu, ' ').trim();
// `--stories`: the story sizes, and the largest stories' titles and links (what joined them).
if (args.includes('--stories')) {
  const sizes = stories.map((story) => story.articles.length).sort((a, b) => b - a);
  console.log(`stories ${stories.length}, of one article ${sizes.filter((n) => n === 1).length}, largest ${sizes.slice(0, 10).join(' ')}`);
  for (const story of [...stories].sort((a, b) => b.articles.length - a.articles.length).slice(0, 3)) {
    const kinds = new Map<string, number>();
    for (const link of story.links) kinds.set(link.kind, (kinds.get(link.kind) ?? 0) + 1);
    console.log(`\n### story ${story.storyId} (${story.articles.length}) links ${JSON.stringify(Object.fromEntries(kinds))}`);
    for (const article of story.articles.slice(0, 40)) console.log(`  ${article.source ?? '?'} ${article.publishedAt?.slice(0, 16) ?? '?'} ${oneLine(records.get(article.id)?.title ?? null).slice(0, 90)}`);
    const title = (id: string) => oneLine(records.get(id)?.title ?? null).slice(0, 60);
    for (const link of story.links.filter((l) => l.kind !== 'exact' && l.kind !== 'near-duplicate').slice(0, 60)) console.log(`  ${link.kind} ${link.similarity.toFixed(3)} «${title(link.a)}» × «${title(link.b)}»`);
  }
}
/** The claim around its number (`--full`: all of it; SaudiNewsNet's claims can be whole paragraphs). */
const full = args.includes('--full');
function around(text: string | null, number: string | null, width = 160): string {
  const line = oneLine(text);
  const at = number === null ? -1 : line.indexOf(number);
  if (full || at < 0 || line.length <= 2 * width) return line;
  const from = Math.max(0, at - width);
  return `${from > 0 ? '…' : ''}${line.slice(from, at + number!.length + width)}${at + number!.length + width < line.length ? '…' : ''}`;
}
let conflictCount = 0;
for (const story of stories) {
  for (const conflict of story.conflicts) {
    conflictCount++;
    console.log(`\n## conflict ${conflictCount}: story ${story.storyId}${story.headline ? ` «${oneLine(story.headline)}»` : ''}`);
    const ids = [...new Set(conflict.values.map((value) => value.articleId))];
    const reprints = ids.some((x, i) => ids.slice(i + 1).some((y) => passageOnly.has(pairKey(x, y))));
    console.log(`counted ${conflict.counted}: ${conflict.reason ?? '(no reason)'}${reprints ? ' [two of the articles share a reprinted passage]' : ''}`);
    for (const value of conflict.values) {
      const range = value.valueMax === null ? `${value.value}` : `${value.value}–${value.valueMax}`;
      console.log(`- ${value.source ?? '?'} ${value.publishedAt?.slice(0, 16) ?? '?'} ${value.articleId} «${value.quantityText ?? '?'}» = ${range}${value.approx ? ' (approx.)' : ''}`);
      console.log(`  ${around(value.text, value.quantityText)}`);
    }
  }
}

/**
 * Two listed claims are one source: their articles are copies (exact, near), or the first claim is in
 * a passage the two share or the sentence either side of it (an edited wire reprint), as dedup rules.
 */
function oneSource(x: { articleId: string; claim: number }, y: { articleId: string }): boolean {
  if (copyPairs.has(pairKey(x.articleId, y.articleId)) && !passageOnly.has(pairKey(x.articleId, y.articleId))) return true;
  const record = records.get(x.articleId);
  const claim = record?.claims?.[x.claim];
  if (!record || !claim) return false;
  const sentences = record.sentences ?? [];
  const sentenceAt = (offset: number) => sentences.findLastIndex((s) => s.start <= offset);
  const at = sentenceAt(claim.start);
  const passages = [
    ...(record.dedup?.reusedPassages ?? []).filter((p) => p.otherId === y.articleId).map((p) => [p.start, p.end] as const),
    ...(records.get(y.articleId)?.dedup?.reusedPassages ?? []).filter((p) => p.otherId === x.articleId).map((p) => [p.otherStart, p.otherEnd] as const),
  ];
  return passages.some(([start, end]) => sentenceAt(start) - 1 <= at && at <= sentenceAt(Math.max(start, end - 1)) + 1);
}

// Corroboration: one unit per independent source.
let groups = 0;
let outletTwice = 0;
let copiesTwice = 0;
for (const story of stories) {
  for (const group of story.corroboratedClaims) {
    groups++;
    const outlets = group.claims.map((claim) => claim.source ?? '?');
    const twice = outlets.length !== new Set(outlets).size;
    const copied = group.claims.some((x, i) => group.claims.slice(i + 1).some((y) => oneSource(x, y) || oneSource(y, x)));
    if (twice) outletTwice++;
    if (copied) copiesTwice++;
    if (showCorroborations || twice || copied) {
      console.log(`\n## corroborated in story ${story.storyId}: ${group.sources.join(', ')}${twice ? ' [AN OUTLET TWICE]' : ''}${copied ? ' [COPIES LISTED AS TWO SOURCES]' : ''}`);
      for (const claim of group.claims) console.log(`- ${claim.source ?? '?'} ${claim.articleId}: ${oneLine(claim.text)}`);
    }
  }
}

console.log(`\n${days.map((day) => basename(day)).join(', ')}: ${records.size} articles (${(ms / Math.max(1, records.size)).toFixed(0)} ms an article), ${stories.length} stories`);
console.log(`conflicts: ${conflictLinks} conflict links between article pairs, ${conflictCount} story conflicts (listed above)`);
console.log(`corroborated claims: ${groups} groups; an outlet listed twice in ${outletTwice}; copies of one article listed as two sources in ${copiesTwice}`);
