import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CollectedSnapshot } from './snapshot.js';
import { JOB_STATES } from './snapshot.js';
import type { OutputReader } from './output-reader.js';

/**
 * Prometheus metrics on a registry of our own (never prom-client's global one, which a library
 * user's app may own). Everything is read at scrape time from the shared snapshot: queue depths as
 * gauges; BullMQ's completed/failed totals as counters (increased by the difference since the last
 * scrape); processing times of newly completed jobs into a histogram; output files by outcome.
 */
export class DashboardMetrics {
  readonly registry = new Registry();
  private readonly jobs = new Gauge({ name: 'khabar_queue_jobs', help: 'Jobs in each queue by state', labelNames: ['queue', 'state'] as const, registers: [this.registry] });
  private readonly workers = new Gauge({ name: 'khabar_queue_workers', help: 'Worker processes serving each queue', labelNames: ['queue'] as const, registers: [this.registry] });
  private readonly completed = new Counter({ name: 'khabar_stage_jobs_completed_total', help: 'Jobs completed per queue (BullMQ metrics)', labelNames: ['queue'] as const, registers: [this.registry] });
  private readonly failed = new Counter({ name: 'khabar_stage_jobs_failed_total', help: 'Job attempts failed per queue (BullMQ metrics)', labelNames: ['queue'] as const, registers: [this.registry] });
  private readonly processing = new Histogram({
    name: 'khabar_stage_processing_seconds',
    help: 'Processing time of completed stage jobs (sampled from the latest completed jobs at each scrape)',
    labelNames: ['queue'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly articles = new Gauge({ name: 'khabar_ingest_articles', help: 'Articles finished, by outcome (files in the output folder)', labelNames: ['outcome'] as const, registers: [this.registry] });
  private readonly failuresByStage = new Gauge({ name: 'khabar_failures', help: 'Failure records by the stage that failed (ingest, a stage, write)', labelNames: ['stage'] as const, registers: [this.registry] });

  private readonly lastTotals = new Map<string, { completed: number; failed: number }>();
  private readonly seenJobs = new Map<string, Set<string>>();

  constructor(private readonly output: OutputReader) {}

  async render(collected: CollectedSnapshot): Promise<{ contentType: string; body: string }> {
    await this.update(collected);
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async update({ snapshot, recentTimings }: CollectedSnapshot): Promise<void> {
    for (const stage of snapshot.stages) {
      for (const state of JOB_STATES) this.jobs.set({ queue: stage.name, state }, stage.counts[state]);
      this.workers.set({ queue: stage.name }, stage.workers.length);
      const last = this.lastTotals.get(stage.name) ?? { completed: 0, failed: 0 };
      // BullMQ's totals only grow; if Redis was flushed they restart, and so do we (a counter reset).
      this.completed.inc({ queue: stage.name }, Math.max(0, stage.completedTotal - last.completed));
      this.failed.inc({ queue: stage.name }, Math.max(0, stage.failedTotal - last.failed));
      this.lastTotals.set(stage.name, { completed: stage.completedTotal, failed: stage.failedTotal });

      const seen = this.seenJobs.get(stage.name) ?? new Set<string>();
      const current = recentTimings.get(stage.name) ?? [];
      for (const job of current) if (!seen.has(job.id)) this.processing.observe({ queue: stage.name }, job.ms / 1000);
      this.seenJobs.set(stage.name, new Set(current.map((job) => job.id)));
    }
    this.articles.set({ outcome: 'written' }, snapshot.output.records);
    this.articles.set({ outcome: 'failed' }, snapshot.output.failures);
    this.failuresByStage.reset();
    for (const [stage, count] of Object.entries(await this.output.failureCountsByStage())) this.failuresByStage.set({ stage }, count);
  }
}
