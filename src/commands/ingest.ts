import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { Ingestor } from '../ingest/ingestor.js';
import { summaryLine } from '../ingest/summary-line.js';
import { listInputFiles, watchInbox, type InboxWatcher } from '../ingest/watcher.js';
import { commandContext, onShutdownSignal } from './context.js';

/**
 * `khabar ingest <paths…>`: the producer alone. Files are read once and not moved; with `--watch`,
 * each folder given is watched as an inbox (its files move to .done/.failed when finished).
 */
export async function ingestCommand(paths: string[], options: { watch: boolean }): Promise<void> {
  const ctx = await commandContext({ mayStartRedis: false, name: 'ingest' });
  const connection = ctx.connect();
  const ingestor = new Ingestor({ connection, settings: ctx.settings, logger: ctx.logger, maxFileBytes: ctx.env.KHABAR_MAX_FILE_BYTES, highWater: ctx.env.KHABAR_INGEST_HIGH_WATER });
  if (options.watch) {
    const watchers: InboxWatcher[] = [];
    for (const path of paths) watchers.push(await watchInbox(path, ingestor, ctx.logger));
    onShutdownSignal(ctx.logger, async () => {
      for (const watcher of watchers) await watcher.close();
      await ingestor.close();
      connection.disconnect();
    });
    return;
  }
  const files: string[] = [];
  for (const path of paths) {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) throw new Error(`no such file or folder: ${path}`);
    files.push(...(info.isDirectory() ? await listInputFiles(resolve(path)) : [resolve(path)]));
  }
  const summaries = await Promise.all(files.map((file) => ingestor.ingestFile(file, null)));
  const failed = summaries.reduce((sum, s) => sum + s.failed, 0);
  process.stdout.write(`${summaryLine(summaries, null)}\n`);
  await ingestor.close();
  connection.disconnect();
  process.exitCode = failed > 0 ? 1 : 0;
}
