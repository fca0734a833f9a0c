import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import { spawnRedisServer, type SpawnedRedis } from './redis-server.js';

/** The `redis-server` a khabar command started for this folder, kept alive while the command runs. */
export interface EmbeddedRedis {
  /** The URL clients use, password included (never log it unredacted). */
  readonly url: string;
  readonly port: number;
  /** The current server's pid (it changes when the server is restarted). */
  pid(): number | undefined;
  stop(): Promise<void>;
  /**
   * The command has begun to stop (a signal). A terminal's Ctrl-C reaches the server with the rest of
   * the process group and it quits first; it is still brought back so that the workers can finish
   * their jobs, but that is expected now and logged as such, not as a death.
   */
  noteShutdown(): void;
  /** `listener` hears once when the server died and could not be brought back: the command must stop. */
  onFatal(listener: (error: Error) => void): void;
}

export interface EmbeddedRedisOptions {
  dir: string;
  password: string;
  logger: Logger;
  /** Restarts allowed in a row (a server that ran 10 minutes starts a new row). */
  maxRestarts?: number;
}

/** A server that lived this long before dying counts as healthy: its next death starts a new row of restarts. */
const HEALTHY_RUN_MS = 10 * 60_000;

/**
 * Starts the embedded `redis-server` (AOF on, `requirepass`) and supervises it: a server that dies
 * under us (a kill -9, an OOM kill) is started again on the same port from its AOF, with backoff, so
 * workers and the ingest reconnect by themselves and lose nothing. Past `maxRestarts` deaths in a row,
 * the fatal listeners hear why, so that the run stops with a clear error instead of waiting for ever.
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const spawnOn = (port?: number) => spawnRedisServer({ dir: options.dir, port, appendonly: true, requirePassword: options.password });
  let current: SpawnedRedis = await spawnOn();
  const port = current.port;
  const maxRestarts = options.maxRestarts ?? 5;
  const fatalListeners: ((error: Error) => void)[] = [];
  let fatal: Error | null = null;
  let stopping = false;
  let shuttingDown = false;
  let restarts = 0;

  const giveUp = (error: Error): void => {
    fatal = error;
    options.logger.error({ port, err: error.message }, 'embedded redis-server could not be restarted');
    for (const listener of fatalListeners) listener(error);
  };

  const supervise = (server: SpawnedRedis): void => {
    const startedAt = Date.now();
    server.process.once('exit', (code, signal) => {
      if (stopping) return;
      void (async () => {
        if (Date.now() - startedAt > HEALTHY_RUN_MS) restarts = 0;
        let lastError = `exit code ${code ?? '-'}, signal ${signal ?? '-'}`;
        while (!stopping && restarts < maxRestarts) {
          restarts++;
          const delay = Math.min(250 * 2 ** (restarts - 1), 10_000);
          if (shuttingDown) options.logger.info({ port, code, signal }, 'embedded redis-server stopped with the signal: restarting it until the workers have finished their jobs');
          else options.logger.warn({ port, code, signal, restart: restarts, of: maxRestarts, restartInMs: delay }, 'embedded redis-server died: restarting it from its AOF');
          await sleep(delay);
          if (stopping) return;
          try {
            current = await spawnOn(port);
            if (stopping) {
              await current.stop(); // stopped while this one was starting: no server outlives the command
              return;
            }
            options.logger.info({ port, pid: current.process.pid, restart: restarts }, 'embedded redis-server restarted from its AOF');
            supervise(current);
            return;
          } catch (error) {
            lastError = (error as Error).message;
          }
        }
        if (!stopping) giveUp(new Error(`the embedded redis-server (port ${port}) died and ${maxRestarts} restarts in a row failed or died too (last: ${lastError})`));
      })();
    });
  };
  supervise(current);

  const url = new URL(current.url);
  url.password = options.password;
  return {
    url: url.toString(),
    port,
    pid: () => current.process.pid,
    noteShutdown() {
      shuttingDown = true;
    },
    async stop() {
      stopping = true;
      await current.stop();
    },
    onFatal(listener) {
      if (fatal) listener(fatal);
      else fatalListeners.push(listener);
    },
  };
}
