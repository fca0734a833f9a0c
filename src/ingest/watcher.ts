import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../logger.js';
import type { FileSummary, Ingestor } from './ingestor.js';
import { IngestStoppedError } from './errors.js';

export interface InboxWatcher {
  /** Resolves once the files present at start-up have been seen (queued or rejected). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Hidden entries (`.done`, `.failed`, editors' temp files) are never inputs. */
function isHidden(path: string, inboxDir: string): boolean {
  return resolve(path) !== inboxDir && basename(path).startsWith('.');
}

/**
 * Watches the inbox with chokidar and hands each file to the ingest, which reads it only once it has
 * settled (quiet for a window and not open for writing: settle.ts), so a file still being written is
 * never read half. chokidar's own short stability wait only spares the ingest a burst of events.
 * Files already there at start are ingested too. Symlinks are reported to the ingest as they are (it
 * rejects them) and never followed.
 */
export async function watchInbox(inbox: string, ingestor: Ingestor, logger: Logger, onFinished?: (summary: FileSummary) => void): Promise<InboxWatcher> {
  const inboxDir = resolve(inbox);
  await mkdir(inboxDir, { recursive: true });
  const watcher: FSWatcher = watch(inboxDir, {
    depth: 0,
    ignoreInitial: false,
    followSymlinks: false,
    ignored: (path) => isHidden(path, inboxDir),
    awaitWriteFinish: { stabilityThreshold: 400, pollInterval: 100 },
  });
  const handle = (path: string): void => {
    ingestor
      .ingestFile(path, inboxDir)
      .then((summary) => onFinished?.(summary))
      .catch((error: unknown) => {
        if (error instanceof IngestStoppedError) logger.info({ stage: 'ingest', file: basename(path) }, error.message);
        else logger.error({ stage: 'ingest', file: basename(path), err: (error as Error).message }, 'ingest failed (the file stays in the inbox)');
      });
  };
  // chokidar never reports a link whose target it cannot stat (a loop, a dangling link): look for
  // those at start and whenever the folder changes, so each is rejected, logged and moved too.
  let sweep: NodeJS.Timeout | null = null;
  let closed = false;
  const sweepLinks = (): void => {
    sweep = null;
    if (closed) return;
    unreachableLinks(inboxDir)
      .then((paths) => paths.forEach(handle))
      .catch((error: unknown) => logger.error({ stage: 'ingest', err: (error as Error).message }, 'could not list the inbox'));
  };
  watcher.on('raw', () => {
    sweep ??= setTimeout(sweepLinks, 200);
  });
  watcher.on('add', handle);
  // A file replaced under the same name before the watcher saw it go shows up as a change.
  watcher.on('change', handle);
  watcher.on('error', (error) => logger.error({ stage: 'ingest', err: (error as Error).message }, 'watcher error'));
  const ready = new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));
  void ready.then(sweepLinks);
  return {
    ready,
    async close() {
      closed = true;
      if (sweep) clearTimeout(sweep);
      await watcher.close();
    },
  };
}

/** Symbolic links directly in the inbox whose target cannot be reached (stat fails: ELOOP, ENOENT, EACCES). */
async function unreachableLinks(inboxDir: string): Promise<string[]> {
  const entries = await readdir(inboxDir, { withFileTypes: true });
  const links = entries.filter((entry) => entry.isSymbolicLink() && !entry.name.startsWith('.')).map((entry) => join(inboxDir, entry.name));
  const reachable = await Promise.all(links.map((path) => stat(path).then(() => true, () => false)));
  return links.filter((_, index) => !reachable[index]);
}

/** Lists the files directly in a folder that the ingest would read (no hidden entries). */
export async function listInputFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.name.startsWith('.') && (entry.isFile() || entry.isSymbolicLink()))
    .map((entry) => join(dir, entry.name))
    .sort();
}
