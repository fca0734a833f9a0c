/**
 * The story flusher's thread (see flusher.ts): rebuilds story files off the write worker's
 * event loop. Its own Redis connection and dedup index; one message in per flush, one reply out.
 * Runs compiled only (dist/), as a worker_threads entry.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { writePendingTombstones, writeStoryWhenDue } from './writer.js';
import { createRedisFrom } from '../redis.js';
import { storyIndex } from './story-index.js';
import { FlushRequestSchema, FlushThreadDataSchema, type FlushReply } from './flush-protocol.js';

const EVERY_CHANGE = { alwaysUpTo: Number.POSITIVE_INFINITY, fraction: 0 };

const port = parentPort;
if (!port) throw new Error('the story flush thread runs as a worker thread, not as a script');
const parsed = FlushThreadDataSchema.safeParse(workerData);
// A plain Error: a ZodError's message does not survive the trip to the parent thread.
if (!parsed.success) throw new Error(`invalid story flush thread data: ${z.prettifyError(parsed.error)}`);
const data = parsed.data;
// Reconnects are ioredis's job; a flush that fails meanwhile is replied as failed and queued again.
const connection = createRedisFrom(data.redis);
const index = storyIndex(connection, data.prefix, data.outDir);
const options = { lockPrefix: data.lockPrefix };

port.on('message', (message: unknown) => {
  const request = FlushRequestSchema.safeParse(message);
  if (!request.success) {
    port.postMessage({ id: -1, ok: false, error: `invalid flush request: ${z.prettifyError(request.error).slice(0, 300)}` } satisfies FlushReply);
    return;
  }
  const { id, storyId } = request.data;
  void (async (): Promise<FlushReply> => {
    try {
      await writePendingTombstones(data.outDir, index, connection, options);
      const wrote = await writeStoryWhenDue(data.outDir, index, storyId, [], connection, { ...options, policy: EVERY_CHANGE });
      return { id, ok: true, wrote };
    } catch (error) {
      return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  })().then((reply) => port.postMessage(reply));
});
