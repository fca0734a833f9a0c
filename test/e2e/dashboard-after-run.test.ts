import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { embeddedUrlFile } from '../../src/pipeline/redis.js';
import { freePort } from '../../src/pipeline/redis-server.js';
import { tempDir } from '../helpers/pipeline.js';
import { assertBuilt, startKhabar, stopKhabar } from '../helpers/processes.js';

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

describe('khabar dashboard after khabar run --once (no Redis left running)', () => {
  it('starts the folder\'s embedded Redis again from disk, serves the last run, and stops it on Ctrl-C', async () => {
    assertBuilt();
    const home = tempDir('dashboard-home');
    const out = tempDir('dashboard-out');
    const inbox = tempDir('dashboard-inbox');
    // No REDIS_URL: `run` starts the embedded Redis under KHABAR_HOME and stops it when done.
    const env = { REDIS_URL: '', KHABAR_HOME: home };
    const run = startKhabar(['run', '--once', 'seeds/', '--out', out, '--inbox', inbox], env);
    expect(await run.exited, run.output()).toBe(0);
    expect(existsSync(embeddedUrlFile(home)), 'run stopped its Redis').toBe(false);

    const port = await freePort();
    const dashboard = startKhabar(['dashboard', '--out', out, '--port', String(port)], env);
    try {
      for (let waited = 0; !dashboard.output().includes('khabar dashboard: http') && waited < 30_000; waited += 200) {
        expect(dashboard.child.exitCode, dashboard.output()).toBeNull();
        await sleep(200);
      }
      const redisUrl = readFileSync(embeddedUrlFile(home), 'utf8').trim();
      const base = `http://127.0.0.1:${port}`;

      const overview = (await (await fetch(`${base}/api/overview`)).json()) as { output: { records: number }; stages: { name: string; completedTotal: number }[] };
      expect(overview.output.records).toBe(5);
      // The queues' history came back with the Redis data on disk: the run's jobs are counted (one an
      // article in the first queue: `khabar run`'s processes run each article through).
      expect(overview.stages.find((stage) => stage.name === 'tokenise')?.completedTotal).toBeGreaterThanOrEqual(5);

      const records = readdirSync(join(out, 'articles')).map((file) => JSON.parse(readFileSync(join(out, 'articles', file), 'utf8')) as { id: string; title: string; entities: { entityId: string; canonical: string }[] });
      const record = records[0]!;
      const recordPage = await fetch(`${base}/records/${record.id}`);
      expect(recordPage.status).toBe(200);
      expect(await recordPage.text()).toContain(record.title);

      // The entity page reads the registry the run left in Redis: every seed that names Kadhimi.
      const kadhimi = records.flatMap((r) => r.entities).find((entity) => entity.canonical === 'مصطفى الكاظمي')!;
      const entityPage = await (await fetch(`${base}/entities/${encodeURIComponent(kadhimi.entityId)}`)).text();
      for (const r of records.filter((each) => each.entities.some((entity) => entity.entityId === kadhimi.entityId))) {
        expect(entityPage).toContain(`/records/${r.id}`);
      }

      expect(await stopKhabar(dashboard), dashboard.output()).toBe(0);
      expect(existsSync(embeddedUrlFile(home)), 'the dashboard stopped the Redis it started').toBe(false);
      expect(await answers(redisUrl)).toBe(false);
    } finally {
      await stopKhabar(dashboard);
    }
  });
});
