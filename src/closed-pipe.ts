/**
 * `khabar entities | head` closes stdout before the listing ends. Output piped into a pager or
 * `head` should stop there quietly, not die with an unhandled EPIPE and a stack trace. A command
 * that runs until stopped (it listens for SIGTERM: `run` stops its workers and its embedded Redis)
 * is stopped that way; any other finishes its work without printing more and exits as it would have
 * (its clean-up, such as stopping a Redis it started, still runs), since the reader has all it wanted.
 */
export function stopQuietlyOnClosedPipe(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  let closed = false;
  const onError = (error: NodeJS.ErrnoException): void => {
    // After the first EPIPE, further writes fail as "destroyed": the same closed pipe.
    if (error.code !== 'EPIPE' && !(closed && error.code === 'ERR_STREAM_DESTROYED')) throw error;
    if (closed) return;
    closed = true;
    if (process.listenerCount('SIGTERM') > 0) process.kill(process.pid, 'SIGTERM');
  };
  for (const stream of streams) stream.on('error', onError);
}
