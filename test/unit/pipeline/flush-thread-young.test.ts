import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startSmallYoungThread } from '../../../src/pipeline/story-files/flusher.js';

/** A thread that allocates enough short-lived objects to grow its young generation to its limit, then reports the new space's size (MB). */
const CHURN = `
  const { parentPort } = require('node:worker_threads');
  const { getHeapSpaceStatistics } = require('node:v8');
  let keep = [];
  for (let i = 0; i < 1e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 50000) keep = []; }
  parentPort.postMessage(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576);
`;

function newSpaceOf(thread: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    thread.once('message', (mb: number) => {
      void thread.terminate();
      resolve(mb);
    });
    thread.once('error', reject);
  });
}

describe('the story flush thread\'s young generation', () => {
  it('is started with 1 MB semi-spaces, and threads started after it get the process\'s own again', async () => {
    const small = await newSpaceOf(startSmallYoungThread(CHURN, { eval: true }, 1));
    expect(small).toBeLessThanOrEqual(2);
    // The flag is back to the process's own (V8's default here: up to 16 MB semi-spaces).
    const plain = await newSpaceOf(new Worker(CHURN, { eval: true }));
    expect(plain).toBeGreaterThan(2);
  });
});
