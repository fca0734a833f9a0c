import { hostname, networkInterfaces } from 'node:os';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';

/**
 * DNS rebinding: a web page on `rebind.example` points its name at 127.0.0.1, and the operator's
 * browser then sends the page's requests to the dashboard as same-origin (its Origin matches its
 * Host), so neither CORS nor the cross-site check stops them. What the attacker cannot change is the
 * name in `Host`: the dashboard answers only the names it is known by.
 */

/** Names that only ever mean this machine: a rebinding page cannot make the browser send them. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** Addresses that mean "every interface": the machine's own names and addresses are then allowed. */
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** One allowed host: a name (any port) or `name:port` (that port only). */
export interface HostEntry {
  name: string;
  port: number | null;
}

/**
 * A `Host` value split into name and port: `name`, `name:port`, `[v6]`, `[v6]:port`; lower-cased,
 * a trailing dot dropped (`localhost.` is `localhost`). Null when it is not a host at all.
 */
export function parseHostValue(value: string): HostEntry | null {
  const trimmed = value.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^\s:/[\]@?#]+)(?::(\d{1,5}))?$/.exec(trimmed);
  if (!match?.[1]) return null;
  const name = match[1].replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const port = match[2] === undefined ? null : Number(match[2]);
  if (name === '' || (port !== null && port > 65_535)) return null;
  return { name, port };
}

/** `KHABAR_DASHBOARD_ALLOWED_HOSTS`: comma-separated names or `name:port`s, e.g. `news.internal,10.0.0.5:3000`. */
export const AllowedHostsSchema = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const entries: HostEntry[] = [];
    for (const item of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
      const entry = parseHostValue(item);
      if (entry) entries.push(entry);
      else ctx.addIssue({ code: 'custom', message: `"${item}" is not a host name or name:port (no scheme, no path)` });
    }
    return entries;
  });

/** The machine's own names and interface addresses (for a dashboard bound to every interface). */
function ownNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((address) => address.address));
  return [hostname(), ...addresses];
}

/** Every host the dashboard answers to: loopback names, the bound address (its machine's names for a wildcard), the configured list. */
export function allowedHosts(bindHost: string, configured: readonly HostEntry[]): HostEntry[] {
  const bound = parseHostValue(bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost)?.name ?? bindHost;
  const names = [...LOOPBACK_NAMES, ...(WILDCARDS.has(bound) ? ownNames() : [bound])];
  return [...names.map((name) => ({ name: name.toLowerCase(), port: null })), ...configured];
}

/**
 * Whether `value` names one of `allowed`. The port of a loopback or bound name is not checked: a
 * rebinding page changes the name, never the port alone, and a port forwarded elsewhere (Docker's
 * `-p 8080:3000`) must keep working.
 */
export function hostAllowed(value: string, allowed: readonly HostEntry[]): boolean {
  const host = parseHostValue(value);
  if (!host) return false;
  return allowed.some((entry) => entry.name === host.name && (entry.port === null || entry.port === host.port));
}

/**
 * Refuses (421) any request whose `Host` header, or the host of its request target (an absolute-form
 * request line carries its own), is not allowed: every route, bull-board's API included.
 */
export function hostGuard(allowed: readonly HostEntry[]): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host');
    const target = new URL(c.req.url).host;
    for (const value of header === undefined ? [target] : [header, target]) {
      if (!hostAllowed(value, allowed)) {
        return c.text(
          `421 Misdirected Request: this dashboard does not answer to the host "${value.slice(0, 100)}" ` +
            '(it answers to localhost, 127.0.0.1, [::1], its bound address and KHABAR_DASHBOARD_ALLOWED_HOSTS; a page that renamed itself to this address is refused)\n',
          421,
        );
      }
    }
    return next();
  };
}
