/**
 * Node/V8 flags for the worker processes `khabar run` starts (and the benchmark's, so it measures
 * the same): issue 21 asks for a peak RSS of at most 200 MB a process. A heap snapshot of a
 * `worker all` process at its peak (heapUsed 96 MB) held 50 MB after a collection: the rest was
 * garbage V8 let pile up between collections, in young-generation semi-spaces of 16 MB by default.
 * 4 MB semi-spaces cost no CPU that the quick bench can see (99.9 against 93.4 ms an article, back
 * to back; runs differ by ±20 %) and took the peak from 249 to 223 MB. `--optimize-for-size` took it
 * to 182 MB but cost half as much CPU again (144.2 ms an article): not used.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * The environment a worker process starts with: glibc's malloc keeps up to 8 arenas a core by
 * default, and Node's threads (libuv's pool for file writes, V8's GC helpers) each fill one; two
 * cut a `worker all` process's peak RSS by 14 MB (214 → 200 MB in the quick bench). Ignored where
 * malloc is not glibc's; a value the user set is kept.
 */
export function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
