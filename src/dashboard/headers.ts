import type { MiddlewareHandler } from 'hono';

/**
 * Our pages: nothing inline, nothing from elsewhere (scripts and styles are files under /static).
 * bull-board's UI has inline style attributes, a JSON config block and asks Google Fonts for its
 * typeface, so /queues gets a CSP of its own that allows exactly that and still no inline script.
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
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' https://fonts.gstatic.com",
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
