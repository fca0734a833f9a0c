import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { stopQuietlyOnClosedPipe } from './closed-pipe.js';
import { ConfigError } from './config.js';
import { projectPath } from './paths.js';
import { RedisServerMissingError } from './pipeline/redis-server.js';

// Commands load their modules when they run: a worker process does not pay for the dashboard's
// (or the model's) imports at start-up, which matters when workers are restarted often.

function positiveInt(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || parsed < 1 || String(parsed) !== value.trim()) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return parsed;
}

function port(value: string): number {
  const parsed = positiveInt(value);
  if (parsed > 65535) throw new InvalidArgumentError('expected a port number (1-65535)');
  return parsed;
}

/** The installed package's version, from its package.json (what `npm install` put there). */
export function packageVersion(): string {
  const manifest = z.object({ version: z.string().min(1) }).safeParse(JSON.parse(readFileSync(projectPath('package.json'), 'utf8')));
  return manifest.success ? manifest.data.version : 'unknown';
}

export function buildProgram(): Command {
  const program = new Command('khabar')
    .description('Streaming NLP pipeline for Arabic news: tokenise, entities, claims and cross-source dedup on BullMQ workers.')
    .version(packageVersion(), '-V, --version', 'print the version of khabar')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: false });

  program
    .command('run')
    .description('run the whole pipeline: Redis (embedded unless REDIS_URL), ingest, worker processes that each run every stage')
    .argument('[paths...]', 'files or folders to read once (not moved)')
    .option('--inbox <dir>', 'folder to watch; finished files move to .done/ or .failed/', 'inbox')
    .option('--out <dir>', 'output folder (articles/, failed/, stories/)', 'output')
    .option('--once', 'exit when every input has a record or a failure (exit code 1 if any failed)', false)
    .option('--workers <n>', 'worker processes, each running every stage and the writer (default: one a core)', positiveInt, availableParallelism())
    .option('--dashboard <port>', 'serve the dashboard on this port', port)
    .option('--deadline <seconds>', 'with --once: stop after this long, report what is unfinished, exit 3 (default: KHABAR_DEADLINE_SECONDS, else none)', positiveInt)
    .option('--config <file>', 'a config file (YAML) whose feeds: are polled into the inbox (default: KHABAR_CONFIG)')
    .action(async (paths: string[], options: { inbox: string; out: string; once: boolean; workers: number; dashboard?: number; deadline?: number; config?: string }) => (await import('./commands/run.js')).runCommand(paths, options));

  program
    .command('worker')
    .description('run one stage\'s worker (start many, on many machines; they share Redis)')
    .argument('<stage>', 'tokenise | ner | claims | dedup | write | all (every one in this process)')
    .option('--concurrency <n>', 'jobs at once in this process', positiveInt)
    .option('--out <dir>', 'output folder (the write stage only)', 'output')
    .option('--staged', 'with all: hand each article from stage to stage through Redis instead of running it through in one job')
    .action(async (stage: string, options: { concurrency?: number; out: string; staged?: boolean }) => (await import('./commands/worker.js')).workerCommand(stage, options));

  program
    .command('ingest')
    .description('queue articles from files (the producer alone)')
    .argument('<paths...>', 'files or folders')
    .option('--watch', 'watch the folders as inboxes', false)
    .action(async (paths: string[], options: { watch: boolean }) => (await import('./commands/ingest.js')).ingestCommand(paths, options));

  program
    .command('analyse')
    .alias('analyze')
    .description('run the whole chain in this process on one file (or - for stdin); record JSON on stdout')
    .argument('<file>', 'a .txt, .json, .jsonl or .html file, or - for stdin')
    .option('--format <ext>', 'format of stdin: txt | json | jsonl | html', 'txt')
    .action(async (file: string, options: { format?: string }) => (await import('./commands/analyse.js')).analyseCommand(file, options));

  program
    .command('status')
    .description('per-stage job counts from Redis')
    .option('--json', 'print JSON', false)
    .action(async (options: { json?: boolean }) => (await import('./commands/status.js')).statusCommand(options));

  program
    .command('dashboard')
    .description('serve the dashboard (pipeline overview, queues, news, /metrics, /healthz) on the pipeline\'s Redis and output folder')
    .option('--port <port>', 'port (default: KHABAR_DASHBOARD_PORT or 3000)', port)
    .option('--host <address>', 'address to bind (default: KHABAR_DASHBOARD_HOST or 127.0.0.1; any other needs KHABAR_DASHBOARD_TOKEN)')
    .option('--out <dir>', 'output folder the pipeline writes', 'output')
    .option('--read-only', 'no retry, clean or remove in the queues view', false)
    .action(async (options: { port?: number; host?: string; out: string; readOnly?: boolean }) => (await import('./commands/dashboard.js')).dashboardCommand(options));

  program
    .command('entities')
    .description('the shared entity registry: most-mentioned entities, or one entity and every article that mentions it')
    .argument('[entityId]', 'an entityId from a record (e.g. per:…)')
    .option('--type <type>', 'PER | ORG | LOC | MISC')
    .option('--limit <n>', 'how many entities to list', positiveInt, 50)
    .option('--json', 'print JSON', false)
    .action(async (entityId: string | undefined, options: { type?: string; limit: number; json?: boolean }) => (await import('./commands/entities.js')).entitiesCommand(entityId, options));

  program
    .command('conflicts')
    .description('every claim two articles disagree on (different numbers for the same thing), from the output folder, newest first; also across stories')
    .option('--out <dir>', 'output folder the pipeline writes', 'output')
    .option('--limit <n>', 'how many conflicts to list (1-1000, default 200)')
    .option('--scan <n>', 'how many of the newest records to look through (default and most: 5000)')
    .option('--scope <scope>', 'all | cross-story (only pairs in different stories)')
    .option('--json', 'print JSON (as /api/conflicts)', false)
    .action(async (options: { out: string; limit?: string; scan?: string; scope?: string; json?: boolean }) => (await import('./commands/conflicts.js')).conflictsCommand(options));

  addFeedCommands(program);
  addWatchCommands(program);
  addExportCommand(program);
  program
    .command('db')
    .description('the PostgreSQL record store (KHABAR_DATABASE_URL)')
    .command('migrate')
    .description('bring the database schema to this build\'s latest migration (workers also do it at start)')
    .action(async () => (await import('./commands/db.js')).dbMigrateCommand());

  return program;
}

/** `khabar feeds …`: RSS and Atom feeds polled into the inbox. */
function addFeedCommands(program: Command): void {
  const feeds = program.command('feeds').description('RSS and Atom feeds polled into the inbox: add, list, remove, or run a feed worker');
  feeds
    .command('add')
    .argument('<url>', 'the feed (RSS 2.0, RSS 1.0 or Atom)')
    .option('--name <name>', "the outlet name its articles carry as their source (default: the feed's host)")
    .option('--every <seconds>', 'poll interval (30-86400, default 300)')
    .action(async (url: string, options: { name?: string; every?: string }) => (await import('./commands/feeds.js')).feedsAddCommand(url, options));
  feeds
    .command('list')
    .option('--json', 'print JSON', false)
    .action(async (options: { json?: boolean }) => (await import('./commands/feeds.js')).feedsListCommand(options));
  feeds
    .command('remove')
    .argument('<feed>', 'its id (from list) or URL')
    .action(async (which: string) => (await import('./commands/feeds.js')).feedsRemoveCommand(which));
  feeds
    .command('worker')
    .description('poll the registered feeds into the inbox (khabar run runs one itself)')
    .option('--inbox <dir>', 'the inbox the ingest watches', 'inbox')
    .option('--concurrency <n>', 'feeds polled at once', positiveInt)
    .action(async (options: { inbox: string; concurrency?: number }) => (await import('./commands/feeds.js')).feedsWorkerCommand(options));
}

/** `khabar export …`: CSV or JSONL of what a query selects. */
function addExportCommand(program: Command): void {
  program
    .command('export')
    .description('articles, claims or entities a query selects, as CSV or JSONL on stdout (streamed)')
    .argument('<kind>', 'articles | claims | entities')
    .option('--format <format>', 'csv | jsonl', 'jsonl')
    .option('--out <dir>', 'output folder (without KHABAR_DATABASE_URL)', 'output')
    .option('--entity <id>', 'articles that mention this entity')
    .option('--outlet <name>', 'articles of this outlet')
    .option('--from <date>', 'published at or after (ISO date or date-time)')
    .option('--to <date>', 'published before')
    .option('--q <text>', 'articles: Arabic text search; entities: a name in any spelling')
    .option('--speaker <id>', 'claims: by this entity')
    .option('--max <n>', 'at most this many rows')
    .action(async (kind: string, options: { format: string; out: string }) => (await import('./commands/export.js')).exportCommand(kind, options));
}

/** `khabar watch …` and `khabar alerts`: watchlists and the alerts they raise. */
function addWatchCommands(program: Command): void {
  const watch = program.command('watch').description('watchlists: alert on every new record that names an entity, a keyword or a speaker');
  watch
    .command('add')
    .option('--entity <id>', 'an entity id (khabar entities): every spelling of it')
    .option('--keyword <words>', 'words, matched on normalised forms with clitics split')
    .option('--speaker <id>', 'an entity id: claims made by it')
    .option('--min-checkworthiness <x>', 'only when a claim at least this check-worthy (0-1) involves it')
    .option('--webhook <url>', 'POST each alert here, signed with KHABAR_WEBHOOK_SECRET, retried with backoff')
    .option('--label <text>', 'a name for the watch')
    .action(async (options: { entity?: string; keyword?: string; speaker?: string; minCheckworthiness?: string; webhook?: string; label?: string }) => (await import('./commands/watch.js')).watchAddCommand(options));
  watch
    .command('list')
    .option('--json', 'print JSON', false)
    .action(async (options: { json?: boolean }) => (await import('./commands/watch.js')).watchListCommand(options));
  watch
    .command('remove')
    .argument('<id>', 'the watch id (from list)')
    .action(async (id: string) => (await import('./commands/watch.js')).watchRemoveCommand(id));
  program
    .command('alerts')
    .description('the newest alerts raised by watches')
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--follow', 'then print each new alert as it is raised', false)
    .option('--json', 'one JSON object a line', false)
    .action(async (options: { limit: number; follow?: boolean; json?: boolean }) => (await import('./commands/watch.js')).alertsCommand(options));
}

/** Entry point used by bin/khabar.js. Known errors print one clear line, never a stack. */
export async function main(argv: string[]): Promise<void> {
  stopQuietlyOnClosedPipe();
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RedisServerMissingError) {
      process.stderr.write(`khabar: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`khabar: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
