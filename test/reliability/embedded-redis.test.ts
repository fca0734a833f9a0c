import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/pipeline.js';
import { writeGeneratedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt, startKhabar, stopKhabar, type KhabarProcess } from '../helpers/processes.js';
import { endsWithin } from '../helpers/run-report.js';

const countJson = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).length : 0);

/** The env of a run on its own embedded Redis (no REDIS_URL), with its state in `home`. */
const embeddedEnv = (home: string) => ({ REDIS_URL: '', KHABAR_HOME: home, KHABAR_LOCK_MS: '4000', KHABAR_STALLED_INTERVAL_MS: '1000', KHABAR_SHUTDOWN_TIMEOUT_MS: '3000' });

/** Waits until the process's log has a JSON line with this message; returns that line. */
async function logLine(run: KhabarProcess, msg: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of run.output().split('\n')) {
      if (!line.startsWith('{')) continue;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (parsed.msg === msg) return parsed;
    }
    if (Date.now() > deadline) throw new Error(`no "${msg}" line in:\n${run.output().slice(-3000)}`);
    await sleep(100);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded Redis', () => {
  it('has a random password, kept in .khabar/ with mode 0600, that every command uses and no log shows', async () => {
    assertBuilt();
    const home = tempDir('auth-home');
    const run = startKhabar(['run', '--inbox', tempDir('auth-inbox'), '--out', tempDir('auth-out')], embeddedEnv(home));
    try {
      await logLine(run, 'khabar running');
      const passwordFile = join(home, 'redis-password');
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      const password = readFileSync(passwordFile, 'utf8').trim();
      expect(password).toMatch(/^[0-9a-f]{32,}$/);
      const url = readFileSync(join(home, 'redis', 'url'), 'utf8').trim();
      expect(url).not.toContain(password);

      // Another local user, without the password: no CONFIG SET dir, no job injected.
      const stranger = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, enableReadyCheck: false });
      stranger.on('error', () => {});
      await expect(stranger.call('CONFIG', 'SET', 'dir', tempDir('stolen'))).rejects.toThrow(/NOAUTH/);
      await expect(stranger.call('SET', 'khabar:injected', '1')).rejects.toThrow(/NOAUTH/);
      stranger.disconnect();

      const status = startKhabar(['status', '--json'], { ...embeddedEnv(home), KHABAR_LOG_LEVEL: 'debug' });
      expect(await status.exited, status.output()).toBe(0);
      expect(status.output()).toMatch(/tokenise/);
      const entities = startKhabar(['entities', '--json'], embeddedEnv(home));
      expect(await entities.exited, entities.output()).toBe(0);
      for (const output of [run.output(), status.output(), entities.output()]) expect(output).not.toContain(password);
    } finally {
      expect(await stopKhabar(run, 20_000), run.output().slice(-2000)).toBe(0);
    }
  }, 120_000);

  it('killed (kill -9) mid-run is restarted from its AOF, and every article still ends with one record', async () => {
    assertBuilt();
    const COUNT = 40;
    const home = tempDir('kill-redis-home');
    const inputs = tempDir('kill-redis-in');
    const out = tempDir('kill-redis-out');
    const files = writeGeneratedArticles(inputs, COUNT);
    const run = startKhabar(['run', '--once', inputs, '--out', out, '--inbox', tempDir('kill-redis-inbox')], embeddedEnv(home));
    try {
      const started = await logLine(run, 'started embedded redis-server (AOF on, password in redis-password)');
      const firstPid = Number(started.pid);
      expect(alive(firstPid)).toBe(true);
      while (countJson(join(out, 'articles')) < 5) await sleep(50);
      process.kill(firstPid, 'SIGKILL');
      const restarted = await logLine(run, 'embedded redis-server restarted from its AOF');
      const code = await endsWithin(run, 200_000);
      expect(code, run.output().slice(-3000)).toBe(0);
      expect(run.output()).toMatch(new RegExp(`${COUNT} record\\(s\\)`));
      const records = readdirSync(join(out, 'articles')).filter((name) => name.endsWith('.json'));
      expect(records).toHaveLength(COUNT);
      const sources = records.map((name) => (JSON.parse(readFileSync(join(out, 'articles', name), 'utf8')) as { source: { file: string } }).source.file);
      expect(sources.sort()).toEqual(files.map((file) => file.split('/').pop()).sort());
      expect(countJson(join(out, 'failed'))).toBe(0);
      expect(alive(Number(restarted.pid))).toBe(false); // the run stopped the server it restarted
    } finally {
      await stopKhabar(run, 5_000);
    }
  }, 240_000);

  it('a Ctrl-C (SIGINT to the whole process group) stops the run cleanly: no "died" warning, no server left', async () => {
    assertBuilt();
    const home = tempDir('ctrl-c-home');
    const inbox = tempDir('ctrl-c-inbox');
    const out = tempDir('ctrl-c-out');
    writeGeneratedArticles(inbox, 30);
    const run = startKhabar(['run', '--out', out, '--inbox', inbox], embeddedEnv(home), { ownGroup: true });
    try {
      const started = await logLine(run, 'started embedded redis-server (AOF on, password in redis-password)');
      while (countJson(join(out, 'articles')) < 3) await sleep(50);
      process.kill(-run.child.pid!, 'SIGINT');
      const code = await endsWithin(run, 60_000);
      const output = run.output();
      expect(code, output.slice(-3000)).toBe(0);
      expect(output).not.toContain('embedded redis-server died');
      expect(output).not.toContain('could not be restarted');
      expect(alive(Number(started.pid))).toBe(false);
      for (const line of output.split('\n').filter((l) => l.startsWith('{'))) {
        const parsed = JSON.parse(line) as { msg?: string; pid?: number };
        if (parsed.msg === 'embedded redis-server restarted from its AOF') expect(alive(Number(parsed.pid))).toBe(false);
      }
    } finally {
      await stopKhabar(run, 5_000);
    }
  }, 120_000);
});
