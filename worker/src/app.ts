/**
 * The Worker's Hono app: middleware order and routes, nothing else.
 *
 *   request id → secure headers → security (issue 4, edge/security.ts) → /api
 *   /emulator (local only) and the fallback home page sit beside /api.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.js';
import { ApiError, internalError } from './errors.js';
import { redactSecrets } from './redact.js';
import { requestId } from './request-id.js';
import { apiRoutes, type ApiDeps } from './routes/api.js';
import { emulatorRoutes } from './routes/emulator.js';
import { assetRoutes } from './routes/assets.js';
import { homeRoutes } from './routes/home.js';
import { PING_PATH, pingRoutes } from './routes/ping.js';
import { security, type SecurityDeps } from './edge/security.js';
import { knownSecrets } from './audit/audit.js';
import { logLine } from './audit/redact.js';
import { sleep } from './upstream/timeout.js';

/** `security`: outbound fetch (Access key set, STS) and clock of the security middleware. */
export type AppDeps = ApiDeps & { security?: Partial<SecurityDeps> };

const defaultDeps: AppDeps = {
  fetch: (request) => fetch(request),
  random: Math.random,
  sleep,
};

/**
 * Builds the app. Tests pass a stand-in for Alibaba (`fetch`) and a
 * deterministic `random`/`sleep`; the deployed Worker uses the defaults.
 *
 * @example
 * ```ts
 * const app = createApp({ fetch: async (req) => new Response('{"RequestId":"x"}') });
 * const res = await app.request('/api/DescribeCens', { method: 'POST' }, env);
 * ```
 */
export function createApp(deps: Partial<AppDeps> = {}) {
  const app = new Hono<AppEnv>();
  const all: AppDeps = { ...defaultDeps, ...deps };

  app.use('*', requestId());
  app.use('*', secureHeaders());

  // The emulator speaks Alibaba's protocol and checks signatures itself; it
  // exists only without real credentials, so it is not behind the portal gate.
  app.route('/emulator', emulatorRoutes());

  // Liveness for load balancers: public, no data, so ahead of the security middleware.
  app.route(PING_PATH, pingRoutes());

  // security middleware (issue 4): origin gate and CORS, body limit, caller,
  // rate limit, credential profile (X-Cen-Profile or the caller's default;
  // it sets c.var.profile), policy, idempotency and audit, in that order.
  // ('/api/*' covers '/api' itself.)
  for (const m of security(all.security)) app.use('/api/*', m);

  app.route('/api', apiRoutes(all));
  app.route('/', assetRoutes());
  app.route('/', homeRoutes());

  app.notFound((c) => c.json({ Code: 'NotFound', Message: `Nothing at ${new URL(c.req.url).pathname.slice(0, 200)}.`, RequestId: c.var.requestId }, 404));

  app.onError((err, c) => {
    const id = c.var.requestId ?? crypto.randomUUID();
    if (err instanceof ApiError) return c.json(err.body(id), err.status as ContentfulStatusCode);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      return c.json({ Code: status === 413 ? 'PayloadTooLarge' : `Http${status}`, Message: err.message || `HTTP ${status}`, RequestId: id }, status);
    }
    // Our own bug: log what it was (without secrets), answer without details.
    logLine({ msg: 'internal error', requestId: id, error: redactSecrets(`${err.name}: ${err.message}`).slice(0, 500) }, knownSecrets(c.env), 'error');
    return c.json(internalError().body(id), 500);
  });

  return app;
}
