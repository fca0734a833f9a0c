import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Methods that only read; everything else (retry, clean, remove, pause…) changes state. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths anyone who can reach the port may read: a load balancer's health probe carries no token. */
const OPEN_PATHS = new Set(['/healthz']);

export interface AccessRules {
  token: string | null;
  /** Not bound to loopback: every request needs the token. */
  requireTokenForReads: boolean;
  readOnly: boolean;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** The token from `Authorization: Bearer …` or `Basic base64(user:token)` (any user name), if any. */
export function presentedToken(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? null : decoded.slice(colon + 1);
  }
  return null;
}

/** Constant-time comparison (of digests, so the lengths match too). */
export function tokenMatches(expected: string, presented: string | null): boolean {
  if (presented === null) return false;
  return timingSafeEqual(digest(expected), digest(presented));
}

/**
 * Cross-site writes are refused even on loopback without a token: a page on another site must not be
 * able to make the operator's browser retry or remove jobs.
 */
function isCrossSite(origin: string | undefined, host: string | undefined, fetchSite: string | undefined): boolean {
  if (fetchSite === 'cross-site') return true;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** One middleware for the whole app: token for reads off loopback, token and same-site for writes, read-only mode. */
export function accessControl(rules: AccessRules): MiddlewareHandler {
  return async (c, next) => {
    const isWrite = !READ_METHODS.has(c.req.method);
    if (OPEN_PATHS.has(c.req.path) && !isWrite) return next();
    const needsToken = rules.token !== null && (rules.requireTokenForReads || isWrite);
    if (needsToken && !tokenMatches(rules.token ?? '', presentedToken(c.req.header('authorization')))) {
      c.header('WWW-Authenticate', 'Basic realm="khabar dashboard", charset="UTF-8"');
      return c.text('401 Unauthorized: this dashboard needs KHABAR_DASHBOARD_TOKEN (HTTP basic password or bearer token)\n', 401);
    }
    if (isWrite && rules.readOnly) {
      c.header('Allow', 'GET, HEAD');
      return c.text('405 Method Not Allowed: the dashboard runs read-only\n', 405);
    }
    if (isWrite && isCrossSite(c.req.header('origin'), c.req.header('host'), c.req.header('sec-fetch-site'))) {
      return c.text('403 Forbidden: cross-site request\n', 403);
    }
    return next();
  };
}
