/**
 * The PostgreSQL store's benchmark (issue 22): `npm run bench:api` (`-- --quick`: 2k and 10k rows).
 * Starts its own PostgreSQL (initdb + pg_ctl, src/store/pg/local-server.ts), then
 * 1. write cost an article: the seeds' real records, cloned under new ids, through saveRecord (one
 *    transaction each) against the same records written as files (writeJsonAtomic);
 * 2. read API latency (p50/p95 through the Hono app, zod parsing and JSON included) at 10k and 100k
 *    stored articles: synthetic rows made in SQL from the seeds' own search terms, with entities,
 *    mentions, claims and stories drawn log-uniformly (a few entities everywhere, most rare);
 * 3. each query's plan (EXPLAIN ANALYZE) and the indexes it used.
 * Results: bench/results/api-pg.md. `npm run bench` runs the same measurement (`benchApi`) for its
 * read API rows (bench/run.ts: `--only api`, `--api-sizes 10000` to skip the 100k load).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { sql, type CompiledQuery } from 'kysely';
import { analyse } from '../src/analyse.js';
import { createApiApp } from '../src/api/app.js';
import { documentTerms } from '../src/nlp/text/search-terms.js';
import { queryTerms } from '../src/nlp/text/query-terms.js';
import type { EnrichedRecord } from '../src/schema/record.js';
import { recordPath, writeJsonAtomic } from '../src/store/output.js';
import { migrateToLatest, openDb, type Db } from '../src/store/pg/db.js';
import { startLocalPostgres } from '../src/store/pg/local-server.js';
import { pgRecordReader } from '../src/store/pg/reader.js';
import { saveRecord } from '../src/store/pg/save.js';
import { fillSynthetic } from './lib/pg-synthetic.js';
import { storeNews } from '../src/dashboard/store-pages.js';
import { entitiesPage, entityPage } from '../src/dashboard/pages/entity.js';
import { newsPage } from '../src/dashboard/pages/news.js';
import { storiesPage } from '../src/dashboard/pages/story.js';
import type { NewsSource } from '../src/dashboard/news-source.js';

const ENTITIES = 20_000;
/** Distinct search terms in the synthetic articles (the seeds' own first, most frequent first). */
const VOCAB = 30_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (value: number) => value.toFixed(1);

/** A seed record under another id (and so another row), as a new article of the same shape. */
function clone(record: EnrichedRecord, n: number): EnrichedRecord {
  return { ...record, id: (0xb000000000000000n + BigInt(n)).toString(16) };
}

export interface WriteFigure {
  store: 'postgres' | 'folder';
  articles: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
}

async function writeCost(db: Db, seeds: EnrichedRecord[], writes: number): Promise<WriteFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-files-'));
  const times = { postgres: [] as number[], folder: [] as number[] };
  for (let i = 0; i < writes; i++) {
    const record = clone(seeds[i % seeds.length] as EnrichedRecord, i);
    let started = performance.now();
    await saveRecord(db, record);
    times.postgres.push(performance.now() - started);
    started = performance.now();
    await writeJsonAtomic(recordPath(dir, record.id), record);
    times.folder.push(performance.now() - started);
  }
  rmSync(dir, { recursive: true, force: true });
  await sql`delete from articles where id like 'b%'`.execute(db);
  return (['postgres', 'folder'] as const).map((store) => {
    const list = times[store];
    const sorted = [...list].sort((a, b) => a - b);
    return { store, articles: writes, meanMs: list.reduce((sum, t) => sum + t, 0) / list.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
  });
}

interface Workload {
  name: string;
  paths: string[];
}

async function measure(app: ReturnType<typeof createApiApp>, workload: Workload): Promise<{ p50: number; p95: number; empty: number }> {
  const times: number[] = [];
  let empty = 0;
  for (let i = 0; i < workload.paths.length; i++) {
    const started = performance.now();
    const response = await app.request(workload.paths[i] as string);
    const body = (await response.json()) as { items?: unknown[]; timeline?: unknown[] };
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${workload.paths[i]}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    if ((body.items ?? body.timeline ?? [1]).length === 0) empty++;
  }
  const sorted = times.slice(Math.min(10, times.length / 10)).sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), empty };
}

/**
 * The dashboard's news pages on PostgreSQL (src/dashboard/store-pages.ts), HTML rendered, no HTTP:
 * what a page costs beyond the API's queries (the entities index aggregates entity_days).
 */
async function measurePages(news: NewsSource, n: number): Promise<QueryFigure[]> {
  const pages: { name: string; run: () => Promise<unknown> }[] = [
    { name: 'page: news (200 newest)', run: async () => newsPage((await news.latest(200)).records).value },
    { name: 'page: entities index (200)', run: async () => entitiesPage(await news.entityIndex({ limit: 200 })).value },
    { name: 'page: person (timeline, articles, claims)', run: async () => {
      const view = await news.entity(drawEntity());
      return view ? entityPage(view).value : '';
    } },
    { name: 'page: stories (200)', run: async () => storiesPage(await news.stories(200)).value },
  ];
  const out: QueryFigure[] = [];
  for (const { name, run } of pages) {
    const requests = Math.max(10, Math.floor(n / 4));
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    const sorted = times.slice(Math.min(3, times.length / 10)).sort((a, b) => a - b);
    out.push({ name, requests, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), empty: 0 });
  }
  return out;
}

/** Entities drawn as the mentions draw them (log-uniform rank): popular ones are asked for more, as users do. */
const drawEntity = () => `e${Math.floor(Math.exp(Math.random() * Math.log(ENTITIES)))}`;

function workloads(words: string[], size: number, n: number): Workload[] {
  // Searched words are drawn as the articles' terms are (log-uniform by rank), skipping the 50 most
  // frequent (particles and the like, which no one searches for alone).
  const drawWord = (): string => {
    for (;;) {
      const rank = Math.floor(Math.exp(Math.random() * Math.log(words.length)));
      if (rank > 50) return words[rank - 1] as string;
    }
  };
  const day = (k: number) => new Date(Date.UTC(2020, 0, 1) + k * 600_000 * (size / 40)).toISOString();
  return [
    { name: 'entity timeline', paths: Array.from({ length: n }, () => `/entities/${drawEntity()}`) },
    { name: 'claims by speaker', paths: Array.from({ length: n }, () => `/claims?speaker=${drawEntity()}&limit=20`) },
    { name: 'text search (one word)', paths: Array.from({ length: n }, () => `/articles?q=${encodeURIComponent(drawWord())}&limit=20`) },
    { name: 'text search (two words)', paths: Array.from({ length: n }, () => `/articles?q=${encodeURIComponent(`${drawWord()} ${drawWord()}`)}&limit=20`) },
    { name: 'articles by entity', paths: Array.from({ length: n }, () => `/articles?entity=${drawEntity()}&limit=20`) },
    { name: 'articles by outlet and range', paths: Array.from({ length: n }, (_, k) => `/articles?outlet=outlet-${k % 20}&from=${day(k % 30)}&to=${day((k % 30) + 5)}&limit=20`) },
    { name: 'stories', paths: Array.from({ length: n }, () => '/stories?limit=20') },
  ];
}

/** EXPLAIN ANALYZE of the last query a request ran: the indexes it used. */
interface PlanFigure {
  name: string;
  indexes: string[];
  seqScans: string[];
}

async function plans(db: Db, captured: { queries: CompiledQuery[] }, app: ReturnType<typeof createApiApp>, list: Workload[]): Promise<PlanFigure[]> {
  const lines: PlanFigure[] = [];
  for (const workload of list) {
    captured.queries = [];
    await app.request(workload.paths[0] as string);
    const queries = captured.queries;
    captured.queries = [];
    const indexes = new Set<string>();
    const seq = new Set<string>();
    for (const query of queries) {
      const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `explain analyze ${query.sql}` });
      for (const row of rows) {
        for (const match of row['QUERY PLAN'].matchAll(/Index (?:Only )?Scan (?:Backward )?using (\w+)|Bitmap Index Scan on (\w+)/g)) indexes.add((match[1] ?? match[2]) as string);
        for (const match of row['QUERY PLAN'].matchAll(/Seq Scan on (\w+)/g)) seq.add(match[1] as string);
      }
    }
    captured.queries = [];
    lines.push({ name: workload.name, indexes: [...indexes], seqScans: [...seq] });
  }
  return lines;
}

export interface QueryFigure {
  name: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  empty: number;
}

export interface ApiSizeFigure {
  articles: number;
  fillSeconds: number;
  queries: QueryFigure[];
  plans: PlanFigure[];
}

/** What one run measured: `npm run bench`'s read API rows and bench/results/api-pg.md. */
export interface ApiBench {
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
  loadAverage: number[];
  write: WriteFigure[];
  sizes: ApiSizeFigure[];
}

/**
 * Starts a throwaway PostgreSQL, measures the write cost, then fills it to each size in turn
 * (ascending) and times the read API's queries there.
 */
export async function benchApi(options: { sizes: readonly number[]; requests: number; writes: number; log: (line: string) => void }): Promise<ApiBench> {
  const server = await startLocalPostgres({ settings: ['shared_buffers=256MB', 'work_mem=16MB', 'synchronous_commit=on'] });
  if (!server) return { status: 'skipped', error: 'no PostgreSQL server installed (Debian: apt-get install postgresql)', loadAverage: loadavg(), write: [], sizes: [] };
  const captured: { queries: CompiledQuery[] } = { queries: [] };
  const db = openDb(server.url, { max: 4, log: (event) => { if (event.level === 'query' && !event.query.sql.startsWith('explain')) captured.queries.push(event.query); } });
  const result: ApiBench = { status: 'ok', loadAverage: loadavg(), write: [], sizes: [] };
  try {
    await migrateToLatest(db);
    const seeds: EnrichedRecord[] = [];
    for (const name of readdirSync('seeds').sort()) seeds.push(await analyse(readFileSync(join('seeds', name), 'utf8'), { file: name }));
    options.log('read API: write cost an article, PostgreSQL and folder…');
    result.write = await writeCost(db, seeds, options.writes);

    // Vocabulary: each distinct search term of the seeds with a word that yields it, most frequent first.
    const counts = new Map<string, { n: number; word: string }>();
    for (const record of seeds) {
      const terms = documentTerms(record.tokens, null);
      const words = record.tokens.filter((token) => ['word', 'latin', 'number', 'hashtag'].includes(token.kind));
      terms.forEach((term, i) => counts.set(term.term, { n: (counts.get(term.term)?.n ?? 0) + 1, word: words[i]?.text ?? term.term }));
    }
    const vocab = [...counts].sort((a, b) => b[1].n - a[1].n);
    // A news corpus has tens of thousands of distinct terms, most rare (names): synthetic words of
    // letters that are never clitics, each kept only if the query side reads it as one term unchanged.
    const letters = 'ثجحخدذرزسشصضطظعغق';
    for (let n = 0; vocab.length < VOCAB; n++) {
      let word = 'ق';
      for (let k = n; word.length < 5 || k > 0; k = Math.floor(k / letters.length)) word += letters[k % letters.length];
      const terms = queryTerms(word);
      if (terms.length === 1 && terms[0]?.length === 1 && terms[0][0] === word && !counts.has(word)) vocab.push([word, { n: 0, word }]);
    }
    const app = createApiApp(pgRecordReader(db));
    let filled = 0;
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      options.log(`read API: filling PostgreSQL to ${size} articles…`);
      const started = performance.now();
      await fillSynthetic(db, { from: filled, to: size, entities: ENTITIES, vocab: vocab.map(([term]) => term) });
      filled = size;
      const figure: ApiSizeFigure = { articles: size, fillSeconds: (performance.now() - started) / 1000, queries: [], plans: [] };
      const list = workloads(vocab.map(([, value]) => value.word), size, options.requests);
      for (const workload of list) {
        const measured = await measure(app, workload);
        captured.queries = [];
        figure.queries.push({ name: workload.name, requests: workload.paths.length, p50Ms: measured.p50, p95Ms: measured.p95, empty: measured.empty });
        options.log(`read API: ${size} ${workload.name}: p50 ${ms(measured.p50)} ms, p95 ${ms(measured.p95)} ms`);
      }
      for (const page of await measurePages(storeNews(pgRecordReader(db)), options.requests)) {
        figure.queries.push(page);
        options.log(`read API: ${size} ${page.name}: p50 ${ms(page.p50Ms)} ms, p95 ${ms(page.p95Ms)} ms`);
      }
      captured.queries = [];
      figure.plans = await plans(db, captured, app, list);
      result.sizes.push(figure);
    }
  } catch (error) {
    result.status = 'failed';
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    await db.destroy();
    await server.stop();
  }
  return result;
}

/** bench/results/api-pg.md's text. */
export function apiMarkdown(result: ApiBench): string {
  const report: string[] = ['# PostgreSQL store: write cost and read API latency', '', `Machine: ${cpus().length} cores, load average ${result.loadAverage.map((n) => n.toFixed(1)).join(' ')} at start, Node ${process.version}; PostgreSQL from initdb, shared_buffers 256MB, synchronous_commit on, fsync off (a throwaway cluster).`, ''];
  if (result.status !== 'ok') report.push(`Not measured: ${result.status}${result.error ? `: ${result.error}` : ''}`, '');
  if (result.write.length > 0) {
    report.push('## Write cost an article (the 5 seeds\' records, cloned)', '', '| store | articles | mean ms | p50 ms | p95 ms |', '| --- | --- | --- | --- | --- |');
    for (const write of result.write) report.push(`| ${write.store} | ${write.articles} | ${ms(write.meanMs)} | ${ms(write.p50Ms)} | ${ms(write.p95Ms)} |`);
    report.push('');
  }
  for (const size of result.sizes) {
    report.push(`## ${size.articles.toLocaleString('en')} stored articles (filled in ${size.fillSeconds.toFixed(0)} s)`, '', '| query | p50 ms | p95 ms | empty answers |', '| --- | --- | --- | --- |');
    for (const query of size.queries) report.push(`| ${query.name} | ${ms(query.p50Ms)} | ${ms(query.p95Ms)} | ${query.empty}/${query.requests} |`);
    report.push('', '| query (every statement of one request, EXPLAIN ANALYZE) | indexes used | sequential scans |', '| --- | --- | --- |');
    for (const plan of size.plans) report.push(`| ${plan.name} | ${plan.indexes.join(', ') || '—'} | ${plan.seqScans.join(', ') || '—'} |`);
    report.push('');
  }
  return report.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const result = await benchApi({ sizes: values.quick ? [2_000, 10_000] : [10_000, 100_000], requests: values.quick ? 60 : 200, writes: values.quick ? 40 : 200, log: (line) => console.log(line) });
  mkdirSync('bench/results', { recursive: true });
  const text = apiMarkdown(result);
  writeFileSync(`bench/results/api-pg${values.quick ? '-quick' : ''}.md`, `${text}\n`);
  console.log(text);
  if (result.status === 'failed') process.exitCode = 1;
}

// Run as `npm run bench:api`; imported by bench/run.ts for `npm run bench`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
