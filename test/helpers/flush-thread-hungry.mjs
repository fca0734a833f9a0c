// A story flush thread that runs out of memory on its first flush when its old generation is capped
// (test/integration/story-flusher.test.ts), then behaves as the real one (workerData.__entry).
// workerData.__failUncapped: without a cap, it fails as it starts instead.
import { parentPort, resourceLimits, workerData } from 'node:worker_threads';

const capped = resourceLimits.maxOldGenerationSizeMb < 1024;
if (!capped && workerData.__failUncapped) throw new Error('no thread for you');
if (capped) {
  parentPort.once('message', () => {
    const hoard = [];
    for (;;) hoard.push(new Array(100_000).fill(hoard.length));
  });
}
await import(workerData.__entry);
