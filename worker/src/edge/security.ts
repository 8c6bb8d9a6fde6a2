/**
 * The security middleware of /api (issue 4), in order:
 *
 *   API headers → origin gate + CORS → body guard (16 KiB, JSON) → action
 *   → audit (writes) → authentication → rate limit → profile → authorisation
 *   → idempotency → the route
 *
 * Mount every returned handler, in order, on `/api/*` (which covers `/api`):
 *
 *   for (const m of security(deps)) app.use('/api/*', m);
 */
import { actionSpec } from '@cen-kit/catalog';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiIndex } from '@cen-kit/catalog';
import { auditWrites } from '../audit/audit.js';
import { authenticate } from '../auth/authenticate.js';
import type { AppEnv } from '../env.js';
import { idempotency } from '../idempotency/middleware.js';
import { authorize, mayCall } from '../policy/authorize.js';
import { profilesOf } from '../upstream/profiles.js';
import { bodyGuard } from './body.js';
import './context.js';
import { originGate } from './origin.js';
import { chooseProfile, defaultProfileOf, usableProfiles } from './profile-choice.js';
import { checkRateLimit, throttled } from './rate-limit.js';

export interface SecurityDeps {
  /** Outbound fetch for the Access key set and STS (injected in tests). */
  fetch: (request: Request) => Promise<Response>;
  /** Clock in ms (injected in tests). */
  now: () => number;
}

const defaults: SecurityDeps = { fetch: (r) => fetch(r), now: () => Date.now() };

/**
 * @example
 * ```ts
 * for (const m of security({ fetch, now: Date.now })) app.use('/api/*', m);
 * ```
 */
export function security(deps: Partial<SecurityDeps> = {}): MiddlewareHandler<AppEnv>[] {
  const d: SecurityDeps = { ...defaults, ...deps };
  return [apiHeaders(), originGate(), bodyGuard(), identifyAction(), auditWrites(d.now), authenticate(d), rateLimit(d.now), chooseProfile(d), authorize(), idempotency()];
}

/**
 * Headers for API answers: never framed (CSP frame-ancestors; the app-wide
 * secure headers add X-Frame-Options), never sniffed, never cached, no referrer.
 */
function apiHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const set = (h: Headers) => {
      h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
      h.set('X-Content-Type-Options', 'nosniff');
      h.set('Referrer-Policy', 'no-referrer');
      h.set('Cache-Control', 'no-store');
    };
    try {
      set(c.res.headers);
    } catch {
      c.res = new Response(c.res.body, c.res);
      set(c.res.headers);
    }
  };
}

/** `POST /api/{Action}` → `c.var.action`. */
function identifyAction(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const m = /^\/api\/([^/]+)$/.exec(c.req.path);
      const spec = m ? actionSpec(safeDecode(m[1]!)) : undefined;
      if (spec) c.set('action', spec);
    }
    await next();
  };
}

/** A malformed %-sequence names no action (the route answers 404), rather than throwing. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function rateLimit(now: () => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The local emulator caller exists only with no credentials and no callers
    // configured: there is no Alibaba account to protect, and local demos and
    // end-to-end runs poll freely.
    // c.get, not c.var: Hono's c.var copies every variable into a new object on each read.
    const caller = c.get('caller')!;
    if (caller.kind === 'emulator') return next();
    const bucket = c.get('action')?.access === 'write' ? 'write' : 'read';
    const wait = await checkRateLimit(c.env, caller.key, bucket, now);
    if (wait !== undefined) {
      c.header('Retry-After', String(wait));
      throw throttled(bucket, wait);
    }
    await next();
  };
}

/**
 * What `GET /api` says about the caller: who it is, the profiles it may use,
 * and per action whether it may call it.
 *
 * @example
 * ```ts
 * const view = callerView(c);
 * const index = { ..., caller: view.caller, actions: actions.map((a) => ({ ...a, allowed: view.allowed(a) })) };
 * ```
 */
export function callerView(c: Context<AppEnv>): { caller: ApiIndex['caller']; allowed: (a: { product: 'Cbn' | 'Vpc'; Action: string; access: 'read' | 'write' }) => boolean } {
  const caller = c.get('caller');
  if (!caller) throw new Error('callerView() needs the security middleware');
  const usable = usableProfiles(caller, profilesOf(c.env));
  const out: ApiIndex['caller'] = { kind: caller.kind, name: caller.name, profiles: usable.map((p) => p.name) };
  const def = defaultProfileOf(caller, usable);
  if (def) out.defaultProfile = def.name;
  return { caller: out, allowed: (a) => usable.length > 0 && mayCall(caller, a, c.env) };
}
