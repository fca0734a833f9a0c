// The story flush thread with a heap sampler, for bench/story-flush.ts: every 2 ms (between the
// rebuild's awaits) the thread's committed heap, used heap and old space are read; the highs since
// the last report go out on the 'khabar-flush-diag' BroadcastChannel when the bench asks.
import { BroadcastChannel, workerData } from 'node:worker_threads';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';

const high = { committed: 0, used: 0, old: 0, limit: 0 };
const sample = () => {
  const heap = getHeapStatistics();
  const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
  high.committed = Math.max(high.committed, heap.total_heap_size);
  high.used = Math.max(high.used, heap.used_heap_size);
  high.old = Math.max(high.old, old ? old.space_size : 0);
  high.limit = heap.heap_size_limit;
};
setInterval(sample, 2).unref();
const channel = new BroadcastChannel('khabar-flush-diag');
channel.unref();
channel.onmessage = () => {
  sample();
  const now = getHeapStatistics().total_heap_size;
  channel.postMessage({ ...high, now });
  high.committed = high.used = high.old = 0;
};
await import(workerData.__entry);
