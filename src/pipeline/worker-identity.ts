import { hostname } from 'node:os';

/** `host:pid`, the name a record's pipeline info and the dashboard show for this process. */
export function workerIdentity(): string {
  return `${hostname()}:${process.pid}`;
}
