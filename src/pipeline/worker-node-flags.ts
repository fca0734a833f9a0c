/**
 * Node/V8 flags for the worker processes `khabar run` starts (and the benchmark's, so it measures
 * the same): issue 21 asks for a peak RSS of at most 200 MB a process. A heap snapshot of a
 * `worker all` process at its peak (heapUsed 96 MB) held 50 MB after a collection: the rest was
 * garbage V8 let pile up between collections, plus young-generation space (16 MB semi-spaces by
 * default). Smaller semi-spaces and V8's memory-over-speed mode keep the peak near the live heap.
 * `khabar worker` started by hand takes the same flags from NODE_OPTIONS where allowed (README).
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--optimize-for-size'];

/**
 * The environment a worker process starts with: glibc's malloc keeps up to 8 arenas a core by
 * default, and Node's threads (libuv's pool for file writes, V8's GC helpers) each fill one; two
 * cut a `worker all` process's peak RSS by 14 MB (214 → 200 MB in the quick bench). Ignored where
 * malloc is not glibc's; a value the user set is kept.
 */
export function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
