/**
 * The origin gate and CORS for /api. CORS headers alone only stop a browser
 * from *reading* an answer; the call itself would still run. So a request
 * whose Origin is not allowed is refused with 403 before anything else runs.
 * Requests without Origin (server to server, curl) pass on to authentication.
 *
 * Allowed: the Worker's own origin and the comma-separated var ALLOWED_ORIGINS.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

export const ALLOW_METHODS = 'GET, POST';
export const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Cen-Profile, X-Request-Id';
export const EXPOSE_HEADERS = 'X-Request-Id, Retry-After, Idempotent-Replayed';
export const PREFLIGHT_MAX_AGE = '600';

const parsed = new Map<string, Set<string>>();

/** The ALLOWED_ORIGINS var as a set of normalised origins (entries that are not origins are skipped). */
export function allowedOrigins(value: string | undefined): Set<string> {
  const key = value ?? '';
  let set = parsed.get(key);
  if (!set) {
    set = new Set();
    for (const item of key.split(',')) {
      const o = normalize(item.trim());
      if (o) set.add(o);
    }
    if (parsed.size > 32) parsed.clear();
    parsed.set(key, set);
  }
  return set;
}

function normalize(origin: string): string | undefined {
  if (!origin) return undefined;
  try {
    const o = new URL(origin).origin;
    return o === 'null' ? undefined : o;
  } catch {
    return undefined;
  }
}

/**
 * Whether a browser on `origin` may call this Worker.
 *
 * @example
 * ```ts
 * originAllowed('https://portal.example.com', 'https://cen.example.workers.dev/api', 'https://portal.example.com'); // true
 * ```
 */
export function originAllowed(origin: string, requestUrl: string, allowedVar: string | undefined): boolean {
  const o = normalize(origin);
  // `null` (sandboxed frames, file:) and malformed origins are never allowed.
  if (!o) return false;
  return o === new URL(requestUrl).origin || allowedOrigins(allowedVar).has(o);
}

/** @example app.use('/api/*', originGate()); */
export function originGate(): MiddlewareHandler<AppEnv & { Bindings: { ALLOWED_ORIGINS?: string } }> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) {
      if (c.req.method === 'OPTIONS') {
        c.header('Allow', 'GET, POST, OPTIONS');
        return c.body(null, 204);
      }
      return next();
    }
    if (!originAllowed(origin, c.req.url, c.env.ALLOWED_ORIGINS)) {
      throw new ApiError(
        403,
        'Forbidden.Origin',
        `Calls from the origin ${JSON.stringify(origin.slice(0, 200))} are not allowed. The Worker's operator can add it to ALLOWED_ORIGINS.`,
      );
    }
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOW_METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
          Vary: 'Origin',
        },
      });
    }
    await next();
    try {
      setCors(c.res.headers, origin);
    } catch {
      // Headers of a fetched or stored response are immutable: copy it.
      c.res = new Response(c.res.body, c.res);
      setCors(c.res.headers, origin);
    }
  };
}

function setCors(headers: Headers, origin: string): void {
  headers.set('Access-Control-Allow-Origin', origin);
  // Cookie-based Cloudflare Access needs credentialed requests, and so an explicit origin (never `*`).
  headers.set('Access-Control-Allow-Credentials', 'true');
  headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  headers.append('Vary', 'Origin');
}
