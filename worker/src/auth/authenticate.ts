/**
 * Decides who calls: a portal token, a Cloudflare Access identity, an
 * anonymous reader (only with ANONYMOUS="read"), or — with no caller
 * configuration at all — the local emulator caller (emulator backend) or a
 * caller that may do nothing but learn why (real credentials).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { FULL_ACCESS, mergePolicies, NO_ACCESS, READ_ONLY } from '../policy/builtin.js';
import { backendOf, profilesOf } from '../upstream/profiles.js';
import { AccessTokenError, verifyAccessJwt } from './access-jwt.js';
import { NO_CALLERS_HINT, type Caller } from './caller.js';
import { callerConfig, normalizeOrigin, type AccessConfig } from './config.js';
import { bearerToken, findToken } from './portal-token.js';

export interface AuthDeps {
  /** Fetches the Access key set. */
  fetch: (request: Request) => Promise<Response>;
  now: () => number;
}

export const ACCESS_HEADER = 'Cf-Access-Jwt-Assertion';
export const ACCESS_COOKIE = 'CF_Authorization';

const unauthorized = (c: Context<AppEnv>, code: string, message: string) => {
  c.header('WWW-Authenticate', 'Bearer realm="cen-kit"');
  return new ApiError(401, code, message);
};

/**
 * Finds the caller of a request. Throws 401 for missing or bad credentials
 * and 403 for a token used from an origin it is not allowed on.
 *
 * @example
 * ```ts
 * const caller = await resolveCaller(c, { fetch, now: Date.now });
 * caller.kind; // 'token'
 * ```
 */
export async function resolveCaller(c: Context<AppEnv>, deps: AuthDeps): Promise<Caller> {
  const env = c.env;
  const cfg = callerConfig(env);
  if (!cfg.configured) {
    if (backendOf(env) === 'emulator') return { kind: 'emulator', name: 'emulator', policy: FULL_ACCESS, key: 'emulator' };
    return anonymous(c, cfg.anonymousRead, NO_CALLERS_HINT);
  }

  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const token = bearerToken(authorization);
    if (token === false || token === undefined) throw unauthorized(c, 'InvalidToken', 'The Authorization header must be "Bearer <portal token>".');
    const entry = cfg.tokens.length ? await findToken(token, cfg.tokens) : undefined;
    if (!entry) {
      throw unauthorized(c, 'InvalidToken', cfg.tokens.length ? 'The bearer token is not a portal token of this deployment.' : 'This deployment accepts no portal tokens (PORTAL_TOKENS is not set).');
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !entry.origins.includes('*') && !entry.origins.includes(safeOrigin(origin))) {
      throw new ApiError(403, 'Forbidden.Origin', `The portal token ${JSON.stringify(entry.name)} may not be used from the origin ${JSON.stringify(origin.slice(0, 200))}.`);
    }
    const caller: Caller = { kind: 'token', name: entry.name, policy: entry.policy, key: `token:${entry.name}` };
    if (entry.profiles) caller.profiles = entry.profiles;
    if (entry.defaultProfile) caller.defaultProfile = entry.defaultProfile;
    return caller;
  }

  const jwt = cfg.access ? (c.req.header(ACCESS_HEADER) ?? getCookie(c, ACCESS_COOKIE)) : undefined;
  if (cfg.access && jwt !== undefined) return accessCaller(c, jwt, cfg.access, deps);

  if (cfg.anonymousRead) return anonymous(c, true);
  throw unauthorized(
    c,
    'Unauthorized',
    `This API needs a caller: send "Authorization: Bearer <portal token>"${cfg.access ? ' or sign in through Cloudflare Access' : ''}.`,
  );
}

async function accessCaller(c: Context<AppEnv>, jwt: string, access: AccessConfig, deps: AuthDeps): Promise<Caller> {
  let who;
  try {
    who = await verifyAccessJwt(jwt, { teamUrl: access.teamUrl, audiences: access.audiences, fetch: deps.fetch, now: deps.now });
  } catch (e) {
    if (e instanceof AccessTokenError) throw unauthorized(c, 'InvalidToken', `Cloudflare Access: ${e.message}.`);
    throw e;
  }
  const email = who.email?.toLowerCase();
  const domain = email?.split('@')[1];
  const matching = access.entries.filter(
    (e) => (email !== undefined && e.emails.includes(email)) || (domain !== undefined && e.emailDomains.includes(domain)) || e.groups.some((g) => who.groups.includes(g)),
  );
  const caller: Caller = {
    kind: 'access',
    name: who.name,
    policy: matching.length ? mergePolicies(matching.map((m) => m.policy)) : NO_ACCESS,
    key: `access:${who.name.toLowerCase()}`,
  };
  // Profiles add up like policies; one entry without a list opens them all.
  if (matching.length && matching.every((m) => m.profiles)) caller.profiles = [...new Set(matching.flatMap((m) => m.profiles!))];
  const def = matching.find((m) => m.defaultProfile)?.defaultProfile;
  if (def) caller.defaultProfile = def;
  if (!matching.length) caller.refusalHint = 'No entry of ACCESS_POLICIES matches this identity.';
  return caller;
}

function anonymous(c: Context<AppEnv>, read: boolean, hint?: string): Caller {
  // Anonymous readers get the deployment's default profile only.
  const first = profilesOf(c.env)[0]?.name;
  const caller: Caller = {
    kind: 'anonymous',
    name: 'anonymous',
    policy: read ? READ_ONLY : NO_ACCESS,
    profiles: first ? [first] : [],
    key: `anonymous:${c.req.header('cf-connecting-ip') ?? 'local'}`,
  };
  caller.refusalHint = hint ?? 'Anonymous callers may only call Describe actions; send "Authorization: Bearer <portal token>" to do more.';
  return caller;
}

function safeOrigin(origin: string): string {
  try {
    return normalizeOrigin(origin, 'Origin');
  } catch {
    return '';
  }
}

/** Sets `c.var.caller`. @example app.use('/api/*', authenticate({ fetch, now: Date.now })); */
export function authenticate(deps: AuthDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('caller', await resolveCaller(c, deps));
    await next();
  };
}
