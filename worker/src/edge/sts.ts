/**
 * STS AssumeRole for role profiles: an RPC call (product Sts, Version
 * 2015-04-01, https://sts.aliyuncs.com) signed with the source profile's key.
 * The temporary credentials are cached in the isolate until five minutes
 * before they expire; concurrent calls share one AssumeRole request.
 */
import { buildRequest, signRequest, type Credentials } from '@cen-kit/rpc';
import { ApiError } from '../errors.js';
import { redactSecrets } from '../redact.js';
import type { AssumeRoleSpec } from './credential-profiles.js';

export const STS_ENDPOINT = 'https://sts.aliyuncs.com';
export const STS_VERSION = '2015-04-01';
/** Credentials are renewed this long before Alibaba says they expire. */
export const RENEW_BEFORE_MS = 5 * 60_000;
const STS_TIMEOUT_MS = 10_000;

export interface StsDeps {
  fetch: (request: Request) => Promise<Response>;
  now: () => number;
  /** Replaces https://sts.aliyuncs.com (var ALIBABA_CLOUD_ENDPOINT_STS). */
  endpoint?: string;
}

interface Cached {
  credentials: Credentials;
  /** When to stop using them (expiry minus RENEW_BEFORE_MS), ms since the epoch. */
  renewAt: number;
}

const cache = new Map<string, Cached>();
const pending = new Map<string, Promise<Cached>>();

/** Forgets cached STS credentials (tests). */
export function clearStsCache(): void {
  cache.clear();
  pending.clear();
}

/**
 * A profile with usable credentials: itself, or with the role's temporary
 * credentials for a role profile.
 *
 * @example
 * ```ts
 * const ready = await resolveCredentials(profile, { fetch, now: Date.now });
 * ready.credentials.securityToken; // set for role profiles
 * ```
 */
export async function resolveCredentials<P extends { name: string; credentials: Credentials; assumeRole?: AssumeRoleSpec }>(profile: P, deps: StsDeps): Promise<P> {
  if (!profile.assumeRole) return profile;
  const credentials = await assumeRole(profile.name, profile.assumeRole, deps);
  return { ...profile, credentials };
}

/**
 * Temporary credentials for a role, from the cache or from STS.
 *
 * @example
 * ```ts
 * const creds = await assumeRole('B', spec, { fetch, now: Date.now });
 * ```
 */
export async function assumeRole(profileName: string, spec: AssumeRoleSpec, deps: StsDeps): Promise<Credentials> {
  const id = `${deps.endpoint ?? STS_ENDPOINT}|${spec.source.accessKeyId}|${spec.roleArn}|${spec.sessionName}`;
  const hit = cache.get(id);
  if (hit && deps.now() < hit.renewAt) return hit.credentials;
  let inflight = pending.get(id);
  if (!inflight) {
    inflight = callSts(profileName, spec, deps).finally(() => pending.delete(id));
    pending.set(id, inflight);
  }
  const got = await inflight;
  cache.set(id, got);
  return got.credentials;
}

async function callSts(profileName: string, spec: AssumeRoleSpec, deps: StsDeps): Promise<Cached> {
  const fail = (why: string) => new ApiError(502, 'AssumeRoleFailed', `Credential profile ${JSON.stringify(profileName)}: STS AssumeRole of ${spec.roleArn} with profile ${JSON.stringify(spec.sourceProfile)} failed: ${why}`);
  const signed = await signRequest({
    method: 'POST',
    Action: 'AssumeRole',
    Version: STS_VERSION,
    params: { RoleArn: spec.roleArn, RoleSessionName: spec.sessionName, DurationSeconds: String(spec.durationSeconds) },
    credentials: spec.source,
    now: () => new Date(deps.now()),
  });
  const request = buildRequest(deps.endpoint ?? STS_ENDPOINT, 'POST', signed, { signal: AbortSignal.timeout(STS_TIMEOUT_MS) });
  let res: Response;
  try {
    res = await deps.fetch(request);
  } catch (e) {
    throw fail(e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${STS_TIMEOUT_MS} ms` : 'network error');
  }
  let body: Record<string, unknown>;
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    throw fail(`HTTP ${res.status} with a body that is not JSON`);
  }
  if (!res.ok || typeof body.Code === 'string') {
    const code = typeof body.Code === 'string' ? body.Code : `HTTP ${res.status}`;
    const message = typeof body.Message === 'string' ? redactSecrets(body.Message).slice(0, 300) : '';
    throw fail(`${code}${message ? `: ${message}` : ''}`);
  }
  const c = body.Credentials as Record<string, unknown> | undefined;
  const expires = typeof c?.Expiration === 'string' ? Date.parse(c.Expiration) : NaN;
  if (!c || typeof c.AccessKeyId !== 'string' || typeof c.AccessKeySecret !== 'string' || typeof c.SecurityToken !== 'string' || Number.isNaN(expires)) {
    throw fail('the answer has no complete Credentials');
  }
  return {
    credentials: { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken },
    renewAt: expires - RENEW_BEFORE_MS,
  };
}
