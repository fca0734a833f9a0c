import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedUrlFile } from '../../src/pipeline/redis.js';
import { freePort } from '../../src/pipeline/redis-server.js';
import { tempDir } from '../helpers/pipeline.js';
import { testPrefix, testRedisUrl } from '../helpers/redis.js';
import { assertBuilt, startKhabar } from '../helpers/processes.js';

/** Processes whose command line mentions `marker` (a test's own temp folder): what it left behind. */
function processesMentioning(marker: string): { pid: number; args: string }[] {
  const listing = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[2]!.includes(marker))
    .map((match) => ({ pid: Number(match[1]), args: match[2]! }));
}

/** Kills what a failing check found (processes this test's khabar started), so one failure does not leak into the next. */
function killLeftovers(leftovers: { pid: number }[]): void {
  for (const { pid } of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

describe('khabar run --dashboard PORT on a port already taken', () => {
  it('exits 1 naming the port, and leaves no worker and no embedded Redis running', async () => {
    assertBuilt();
    const home = tempDir('taken-home');
    const out = tempDir('taken-out');
    const inbox = tempDir('taken-inbox');
    const port = await freePort();
    const squatter = await occupy(port);
    try {
      const run = startKhabar(['run', '--once', 'seeds/', '--out', out, '--inbox', inbox, '--dashboard', String(port)], { REDIS_URL: '', KHABAR_HOME: home });
      expect(await run.exited, run.output()).toBe(1);
      expect(run.output()).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(run.output()).not.toMatch(/\n\s+at /); // a message, not a stack
      const left = [...processesMentioning(home), ...processesMentioning(out)];
      killLeftovers(left);
      expect(left.map((each) => each.args)).toEqual([]);
      expect(existsSync(embeddedUrlFile(home)), 'the URL file of a stopped Redis').toBe(false);
    } finally {
      squatter.close();
    }
  });
});

describe('reading commands after khabar run --once has stopped its Redis', () => {
  const home = tempDir('after-home');
  const out = tempDir('after-out');
  const env = { REDIS_URL: '', KHABAR_HOME: home };
  let records: { id: string; entities: { entityId: string; canonical: string }[] }[] = [];

  beforeAll(async () => {
    assertBuilt();
    const inbox = tempDir('after-inbox');
    const run = startKhabar(['run', '--once', 'seeds/', '--out', out, '--inbox', inbox], env);
    expect(await run.exited, run.output()).toBe(0);
    expect(existsSync(embeddedUrlFile(home)), 'run stopped its Redis').toBe(false);
    records = readdirSync(join(out, 'articles')).map((name) => JSON.parse(readFileSync(join(out, 'articles', name), 'utf8')) as (typeof records)[number]);
    expect(records).toHaveLength(5);
  }, 300_000);

  afterAll(() => killLeftovers(processesMentioning(home)));

  /** After each command: the Redis it started from the data on disk is stopped again. */
  function expectRedisStopped(): void {
    const left = processesMentioning(home);
    killLeftovers(left);
    expect(left.map((each) => each.args)).toEqual([]);
    expect(existsSync(embeddedUrlFile(home))).toBe(false);
  }

  it('status starts the folder\'s embedded Redis from its data, counts the run\'s jobs, and stops it', async () => {
    const status = startKhabar(['status', '--json'], env);
    let stdout = '';
    status.child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    expect(await status.exited, status.output()).toBe(0);
    const counts = JSON.parse(stdout) as Record<string, { completed: number }>;
    // `khabar run` runs each article through in one job of the first queue (docs/ARCHITECTURE.md).
    expect(counts.tokenise?.completed).toBeGreaterThanOrEqual(5);
    expectRedisStopped();
  });

  it('entities reads the registry the run left, and stops the Redis again', async () => {
    const kadhimi = records.flatMap((record) => record.entities).find((entity) => entity.canonical === 'مصطفى الكاظمي');
    expect(kadhimi, 'seed 004 names مصطفى الكاظمي').toBeDefined();
    const one = startKhabar(['entities', kadhimi!.entityId], env);
    expect(await one.exited, one.output()).toBe(0);
    for (const record of records.filter((each) => each.entities.some((entity) => entity.entityId === kadhimi!.entityId))) {
      expect(one.output()).toContain(record.id);
    }
    expectRedisStopped();
  });

  it('entities ID | head: a closed pipe ends the command quietly', async () => {
    const kadhimi = records.flatMap((record) => record.entities).find((entity) => entity.canonical === 'مصطفى الكاظمي')!;
    const one = startKhabar(['entities', kadhimi.entityId], env);
    one.child.stdout?.destroy(); // the reader went away before the first line, as `head` does after its tenth
    expect(await one.exited, one.output()).toBe(0);
    expect(one.output()).not.toMatch(/EPIPE|\n\s+at /);
    expectRedisStopped();
  });

  it('says how to get Redis when redis-server is truly missing, even with data on disk', async () => {
    const emptyPath = tempDir('no-redis-path');
    mkdirSync(emptyPath, { recursive: true });
    const status = startKhabar(['status'], { ...env, PATH: emptyPath });
    expect(await status.exited).toBe(2);
    expect(status.output()).toMatch(/redis-server is not on PATH/);
    expect(status.output()).toMatch(/apt-get install redis-server/);
  });
});

describe('CLI options and version', () => {
  it('entities --type FOO names the option, the allowed types and the value', async () => {
    const entities = startKhabar(['entities', '--type', 'FOO'], { REDIS_URL: '', KHABAR_HOME: tempDir('type-home') });
    expect(await entities.exited).toBe(1);
    expect(entities.output().trim()).toBe('khabar: --type: expected one of PER, ORG, LOC, MISC, got "FOO"');
  });

  it('a command whose reader went away (| head) exits 0 without an EPIPE stack', async () => {
    const out = tempDir('pipe-out');
    const conflicts = startKhabar(['conflicts', '--out', out], {});
    conflicts.child.stdout?.destroy();
    expect(await conflicts.exited, conflicts.output()).toBe(0);
    expect(conflicts.output()).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('khabar --version prints the package version', async () => {
    const version = startKhabar(['--version'], {});
    expect(await version.exited).toBe(0);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(version.output().trim()).toBe(manifest.version);
  });
});

describe('inputs that are byte-identical copies of one article (the same source, url and text)', () => {
  it('make one record that lists every input file, and the closing line says how many were copies', async () => {
    assertBuilt();
    const env = { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: testPrefix('copies') };
    const out = tempDir('copies-out');
    const inbox = tempDir('copies-inbox');
    const first = tempDir('copies-a');
    const second = tempDir('copies-b');
    const article = JSON.stringify({ source: 'العرب', url: 'https://example.invalid/vienna', title: 'تعثر مفاوضات فيينا', text: readFileSync('seeds/000_4b730099a6eb1bd4.txt', 'utf8') });
    writeFileSync(join(first, 'vienna.json'), article);
    writeFileSync(join(second, 'vienna-copy.json'), article);
    const run = startKhabar(['run', '--once', 'seeds/', first, second, '--out', out, '--inbox', inbox], env);
    expect(await run.exited, run.output()).toBe(0);
    // Seven inputs, six records (the JSON article is its own record beside seed 000: another source).
    expect(run.output()).toContain(`khabar: 6 record(s) written to ${out}/articles, 1 input(s) were copies of an existing record, 0 failure(s)`);
    const records = readdirSync(join(out, 'articles')).map((name) => JSON.parse(readFileSync(join(out, 'articles', name), 'utf8')) as { source: { url: string | null; file: string }; inputs?: { file: string; line: number | null }[] });
    expect(records).toHaveLength(6);
    const vienna = records.find((record) => record.source.url === 'https://example.invalid/vienna');
    expect(vienna?.inputs).toEqual([{ file: 'vienna-copy.json', line: null }, { file: 'vienna.json', line: null }]);
    for (const record of records.filter((each) => each !== vienna)) expect(record.inputs).toEqual([{ file: record.source.file, line: null }]);

    // A third copy in a later run: the record is not processed again, but it lists the new file too.
    const third = tempDir('copies-c');
    writeFileSync(join(third, 'vienna-again.json'), article);
    const again = startKhabar(['run', '--once', third, '--out', out, '--inbox', inbox], env);
    expect(await again.exited, again.output()).toBe(0);
    expect(again.output()).toContain('1 already processed by an earlier run');
    const after = JSON.parse(readFileSync(join(out, 'articles', readdirSync(join(out, 'articles')).find((name) => readFileSync(join(out, 'articles', name), 'utf8').includes('example.invalid/vienna'))!), 'utf8')) as { inputs: { file: string }[] };
    expect(after.inputs.map((input) => input.file)).toEqual(['vienna-again.json', 'vienna-copy.json', 'vienna.json']);
  }, 240_000);
});
