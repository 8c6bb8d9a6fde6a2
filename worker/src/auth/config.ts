/**
 * Caller configuration from the environment, checked once per distinct value
 * and kept for the isolate's life:
 *  - PORTAL_TOKENS (secret): [{ name, sha256, origins: [...], policy, profiles?, defaultProfile? }]
 *  - ACCESS_TEAM_DOMAIN, ACCESS_AUD (vars) and ACCESS_POLICIES (var or secret):
 *    [{ emails?, emailDomains?, groups?, policy, profiles?, defaultProfile? }]
 *  - ANONYMOUS = "read" (var): callers without credentials may read.
 * A malformed value is a 500 naming the variable and the place, never a value.
 */
import { ApiError } from '../errors.js';
import { parsePolicy, PolicyConfigError, type Policy } from '../policy/policy.js';

export interface CallerEnv {
  PORTAL_TOKENS?: string;
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  ACCESS_POLICIES?: string;
  ANONYMOUS?: string;
}

export interface Grant {
  policy: Policy;
  profiles?: string[];
  defaultProfile?: string;
}

export interface TokenEntry extends Grant {
  name: string;
  /** SHA-256 of the token, 32 bytes. */
  hash: Uint8Array;
  /** Origins (`https://portal.example.com`) a browser may use the token from; `*` for any. */
  origins: string[];
}

export interface AccessEntry extends Grant {
  emails: string[];
  emailDomains: string[];
  groups: string[];
}

export interface AccessConfig {
  /** `https://<team>.cloudflareaccess.com`, the expected `iss`. */
  teamUrl: string;
  /** Application Audience (AUD) tags; the token's `aud` must contain one. */
  audiences: string[];
  entries: AccessEntry[];
}

export interface CallerConfig {
  tokens: TokenEntry[];
  access?: AccessConfig;
  anonymousRead: boolean;
  /** Whether any caller (token or Access) is configured. */
  configured: boolean;
}

class ConfigError extends Error {}

const cache = new Map<string, CallerConfig>();

/**
 * @example
 * ```ts
 * const cfg = callerConfig(c.env);
 * if (!cfg.configured && backendOf(c.env) === 'emulator') { … the local emulator caller … }
 * ```
 */
export function callerConfig(env: CallerEnv): CallerConfig {
  const id = JSON.stringify([env.PORTAL_TOKENS, env.ACCESS_TEAM_DOMAIN, env.ACCESS_AUD, env.ACCESS_POLICIES, env.ANONYMOUS]);
  const hit = cache.get(id);
  if (hit) return hit;
  let cfg: CallerConfig;
  try {
    cfg = parseCallerConfig(env);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof PolicyConfigError) {
      throw new ApiError(500, 'InvalidConfiguration', `The Worker's caller configuration is invalid: ${e.message}`);
    }
    throw e;
  }
  // A handful of distinct configurations at most (tests use many); keep the map small.
  if (cache.size > 32) cache.clear();
  cache.set(id, cfg);
  return cfg;
}

function parseCallerConfig(env: CallerEnv): CallerConfig {
  const tokens = env.PORTAL_TOKENS?.trim() ? parseTokens(env.PORTAL_TOKENS) : [];
  const team = env.ACCESS_TEAM_DOMAIN?.trim();
  const aud = env.ACCESS_AUD?.trim();
  if (!!team !== !!aud) throw new ConfigError(`ACCESS_TEAM_DOMAIN and ACCESS_AUD must be set together (only ${team ? 'ACCESS_TEAM_DOMAIN' : 'ACCESS_AUD'} is)`);
  let access: AccessConfig | undefined;
  if (team && aud) {
    access = {
      teamUrl: teamUrl(team),
      audiences: aud.split(',').map((a) => a.trim()).filter(Boolean),
      entries: env.ACCESS_POLICIES?.trim() ? parseAccessPolicies(env.ACCESS_POLICIES) : [],
    };
  } else if (env.ACCESS_POLICIES?.trim()) {
    throw new ConfigError('ACCESS_POLICIES is set but Cloudflare Access is not (set ACCESS_TEAM_DOMAIN and ACCESS_AUD)');
  }
  const anon = env.ANONYMOUS?.trim();
  if (anon && anon !== 'read' && anon !== 'off' && anon !== 'false') throw new ConfigError('ANONYMOUS must be "read" or unset');
  const cfg: CallerConfig = { tokens, anonymousRead: anon === 'read', configured: tokens.length > 0 || access !== undefined };
  if (access) cfg.access = access;
  return cfg;
}

/**
 * The Access team URL from a team name, host or URL.
 *
 * @example
 * ```ts
 * teamUrl('acme'); // 'https://acme.cloudflareaccess.com'
 * ```
 */
export function teamUrl(value: string): string {
  let host = value.trim().replace(/^https:\/\//i, '').replace(/\/+$/, '').toLowerCase();
  if (!host.includes('.')) host = `${host}.cloudflareaccess.com`;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) throw new ConfigError('ACCESS_TEAM_DOMAIN must be a team name, host or https URL such as https://acme.cloudflareaccess.com');
  return `https://${host}`;
}

function parseJson(text: string, name: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(`${name} is not valid JSON`);
  }
  if (!Array.isArray(value)) throw new ConfigError(`${name} must be a JSON list`);
  return value;
}

function parseTokens(text: string): TokenEntry[] {
  const names = new Set<string>();
  return parseJson(text, 'PORTAL_TOKENS').map((raw, i) => {
    const where = `PORTAL_TOKENS[${i}]`;
    const o = object(raw, where);
    const name = str(o.name, `${where}.name`);
    if (names.has(name)) throw new ConfigError(`${where}.name: ${JSON.stringify(name)} is used twice`);
    names.add(name);
    const sha = str(o.sha256, `${where}.sha256`).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new ConfigError(`${where}.sha256 must be the SHA-256 of the token as 64 hex digits`);
    const origins = o.origins === undefined ? [] : strings(o.origins, `${where}.origins`).map((x, j) => normalizeOrigin(x, `${where}.origins[${j}]`));
    return { name, hash: hexBytes(sha), origins, ...grant(o, where) };
  });
}

function parseAccessPolicies(text: string): AccessEntry[] {
  return parseJson(text, 'ACCESS_POLICIES').map((raw, i) => {
    const where = `ACCESS_POLICIES[${i}]`;
    const o = object(raw, where);
    const lower = (v: unknown, w: string) => (v === undefined ? [] : strings(v, w).map((s) => s.toLowerCase()));
    const entry: AccessEntry = {
      emails: lower(o.emails, `${where}.emails`),
      emailDomains: lower(o.emailDomains, `${where}.emailDomains`).map((d) => d.replace(/^@/, '')),
      groups: o.groups === undefined ? [] : strings(o.groups, `${where}.groups`),
      ...grant(o, where),
    };
    if (!entry.emails.length && !entry.emailDomains.length && !entry.groups.length) {
      throw new ConfigError(`${where} must name emails, emailDomains or groups`);
    }
    return entry;
  });
}

function grant(o: Record<string, unknown>, where: string): Grant {
  const g: Grant = { policy: parsePolicy(o.policy, `${where}.policy`) };
  if (o.profiles !== undefined) g.profiles = strings(o.profiles, `${where}.profiles`);
  if (o.defaultProfile !== undefined) {
    g.defaultProfile = str(o.defaultProfile, `${where}.defaultProfile`);
    if (g.profiles && !g.profiles.includes(g.defaultProfile)) throw new ConfigError(`${where}.defaultProfile must be one of its profiles`);
  }
  return g;
}

/** `https://Portal.Example.com/` → `https://portal.example.com`; `*` stays. */
export function normalizeOrigin(value: string, where: string): string {
  if (value === '*') return value;
  try {
    const u = new URL(value);
    if (u.origin === 'null') throw new Error();
    return u.origin;
  } catch {
    throw new ConfigError(`${where} must be an origin such as https://portal.example.com`);
  }
}

function object(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(`${where} must be an object`);
  return v as Record<string, unknown>;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > 256) throw new ConfigError(`${where} must be a non-empty string`);
  return v;
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v)) throw new ConfigError(`${where} must be a list of strings`);
  return v.map((x, i) => str(x, `${where}[${i}]`));
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
