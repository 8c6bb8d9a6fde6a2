/**
 * `GET /api/_ping` → `{"ok":true}`: a liveness check for load balancers and
 * uptime monitors. Mounted before the security middleware because such
 * checkers carry no caller credentials; it says only that the Worker runs
 * (no backend, no data, no upstream call), so there is nothing to protect.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

/** The path, also used by the app to mount it ahead of `/api/*` security. */
export const PING_PATH = '/api/_ping';

/**
 * @example
 * ```ts
 * app.route(PING_PATH, pingRoutes()); // before app.use('/api/*', …security)
 * // GET /api/_ping → 200 {"ok":true}
 * ```
 */
export function pingRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ ok: true });
  });
  // Only GET (and the HEAD Hono answers from it); anything else is refused plainly.
  r.all('/', (c) => {
    c.header('allow', 'GET, HEAD');
    return c.json({ Code: 'MethodNotAllowed', Message: `${PING_PATH} answers GET only.`, RequestId: c.var.requestId }, 405);
  });
  return r;
}
