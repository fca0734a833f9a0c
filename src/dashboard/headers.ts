import type { MiddlewareHandler } from 'hono';

/**
 * Our pages: nothing inline, nothing from elsewhere (scripts and styles are files under /static).
 * bull-board's UI has inline style attributes and a JSON config block, so /queues gets a CSP of its
 * own that allows inline styles and still no inline script, and no other host (its Google Fonts link
 * is taken out of the page: src/dashboard/bull-board.ts).
 */
const OWN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const BULL_BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(bullBoardPath: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const onBullBoard = c.req.path === bullBoardPath || c.req.path.startsWith(`${bullBoardPath}/`);
    c.header('Content-Security-Policy', onBullBoard ? BULL_BOARD_CSP : OWN_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  };
}
