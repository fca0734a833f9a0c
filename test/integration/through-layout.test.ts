import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrichedRecordSchema, FailureRecordSchema, type EnrichedRecord } from '../../src/schema/record.js';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { startInProcessWorkers, type AllWorkersLayout, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { allQueues, firstQueue } from '../../src/pipeline/stage-chain.js';
import { createRedis } from '../../src/pipeline/redis.js';
import type { QueueSettings } from '../../src/config.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const SEEDS = readdirSync('seeds').filter((name) => name.endsWith('.txt')).map((name) => resolve('seeds', name));

interface Pipeline {
  settings: QueueSettings;
  outDir: string;
  workers: InProcessWorkers;
  ingestor: Ingestor;
}

const connection = createRedis(testRedisUrl());

async function startPipeline(name: string, layout: AllWorkersLayout, overrides: Partial<QueueSettings> = {}): Promise<Pipeline> {
  const settings = testSettings(name, overrides);
  const outDir = tempDir(name);
  const workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir, layout });
  const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
  return { settings, outDir, workers, ingestor };
}

function records(outDir: string): Map<string, EnrichedRecord> {
  const files = readdirSync(join(outDir, 'articles')).filter((name) => name.endsWith('.json'));
  return new Map(files.map((file) => {
    const record = EnrichedRecordSchema.parse(JSON.parse(readFileSync(join(outDir, 'articles', file), 'utf8')));
    return [record.id, record];
  }));
}

/** A record without what says where and when it ran (worker, times, attempts, ingest time): its content. */
function content(record: EnrichedRecord): Omit<EnrichedRecord, 'pipeline'> & { stages: string[] } {
  const { pipeline, source, ...rest } = record;
  return { ...rest, source: { ...source, ingestedAt: '' }, stages: Object.keys(pipeline.stages).sort() };
}

/** Jobs each queue ever completed or failed (the test settings keep their history). */
async function jobsPerQueue(settings: QueueSettings): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of allQueues()) {
    const queue = new Queue(name, { connection, prefix: settings.prefix });
    const byState = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
    counts[name] = Object.values(byState).reduce((sum, count) => sum + count, 0);
    await queue.close();
  }
  return counts;
}

describe('khabar run\'s through layout: one job an article, the same records as stage by stage', () => {
  let through: Pipeline;
  let staged: Pipeline;

  beforeAll(async () => {
    through = await startPipeline('through', 'through');
    staged = await startPipeline('staged', 'staged');
  });

  afterAll(async () => {
    for (const pipeline of [through, staged]) {
      await pipeline.ingestor.close();
      await pipeline.workers.close();
    }
    connection.disconnect();
  });

  it('writes the seeds\' records with the same content as the staged chain, in one job each', async () => {
    // One after the other, so that both see the articles in the same order (stories depend on it).
    for (const seed of SEEDS) expect((await staged.ingestor.ingestFile(seed, null)).ok).toBe(1);
    for (const seed of SEEDS) expect((await through.ingestor.ingestFile(seed, null)).ok).toBe(1);
    const stagedRecords = records(staged.outDir);
    const throughRecords = records(through.outDir);
    expect(throughRecords.size).toBe(SEEDS.length);
    expect([...throughRecords.keys()].sort()).toEqual([...stagedRecords.keys()].sort());
    for (const [id, record] of throughRecords) {
      expect(content(record)).toEqual(content(stagedRecords.get(id) as EnrichedRecord));
      expect(Object.keys(record.pipeline.stages).sort()).toEqual(['claims', 'dedup', 'ner', 'tokenise']);
    }
    // Through: every article was one job of the first queue; the later queues saw no article.
    const throughJobs = await jobsPerQueue(through.settings);
    expect(throughJobs[firstQueue()]).toBe(SEEDS.length);
    for (const name of ['ner', 'claims', 'dedup']) expect(throughJobs[name]).toBe(0);
    // Staged: each article was a job in every queue.
    const stagedJobs = await jobsPerQueue(staged.settings);
    for (const name of ['tokenise', 'ner', 'claims', 'dedup']) expect(stagedJobs[name]).toBe(SEEDS.length);
  });

  it('ends an article over the token limit as a failure record that names the stage', async () => {
    const limited = await startPipeline('through-limit', 'through', { articleLimits: { maxChars: 200_000, maxTokens: 50 } });
    try {
      const seed = SEEDS[0] ?? '';
      const summary = await limited.ingestor.ingestFile(seed, null);
      expect(summary.failed).toBe(1);
      const failedFiles = readdirSync(join(limited.outDir, 'failed')).filter((name) => name.endsWith('.json'));
      expect(failedFiles).toHaveLength(1);
      const failure = FailureRecordSchema.parse(JSON.parse(readFileSync(join(limited.outDir, 'failed', failedFiles[0] ?? ''), 'utf8')));
      expect(failure.stage).toBe('tokenise');
      expect(failure.error.message).toMatch(/over the limit of 50/);
      // Not retried: the limit does not change between attempts.
      expect(failure.attempts).toBe(1);
    } finally {
      await limited.ingestor.close();
      await limited.workers.close();
    }
  });
});
