/** The Redis counter the no-op chain's last worker increments per finished article. */
export function doneCounterKey(prefix: string): string {
  return `${prefix}:bench:done`;
}
