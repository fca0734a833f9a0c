/**
 * Node/V8 flags for the worker processes `khabar run` starts (and the benchmark's, so it measures
 * the same): issue 21 asks for a peak RSS of at most 200 MB a process. A heap snapshot of a
 * `worker all` process at its peak (heapUsed 96 MB) held 50 MB after a collection: the rest was
 * garbage V8 lets pile up while the heap may grow (to 400+ MB over a few thousand articles).
 * - 4 MB young-generation semi-spaces (16 MB by default).
 * - An old-space limit of 192 MB: V8 then collects before it grows; the 10,000-article run stays
 *   near 230 MB. The live heap is ~50–100 MB, and three articles at the 200,000-character limit
 *   held at once take ~80 MB more in process, so about five such articles in flight fit; a burst of
 *   more would end the process ("heap limit"), which `khabar run` restarts and whose jobs are retried.
 * Back to back in the quick bench at 15f7ee9: no flags 93.4 ms an article, these 90.8 ms (runs
 * differ by ±20 %). `--optimize-for-size` kept the peak lower still but cost half as much CPU again
 * (144.2 ms): not used.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--max-old-space-size=192'];

/**
 * The environment a worker process starts with (glibc's malloc; ignored elsewhere; a value the user
 * set is kept):
 * - `MALLOC_ARENA_MAX=2`: glibc keeps up to 8 arenas a core by default, and Node's threads (libuv's
 *   pool for file writes, V8's GC helpers) each fill one; two cut a `worker all` process's peak RSS
 *   by 14 MB (214 → 200 MB in the quick bench).
 * - `MALLOC_MMAP_THRESHOLD_=131072`: blocks of 128 KB and more are mapped on their own and returned
 *   when freed. By default glibc raises that threshold (up to 32 MB) each time such a block is
 *   freed, after which large buffers come from the heap and the holes they leave stay resident: over
 *   2,000 articles the main malloc heap held 10–19 MB instead of 23–25, and the peak RSS of the two
 *   processes was 205 / 205 MB instead of 211 / 206 (docs/PERFORMANCE.md, fourth pass).
 */
export function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2', MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? '131072' };
}
