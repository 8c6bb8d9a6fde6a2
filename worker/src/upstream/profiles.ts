/**
 * Alibaba credential profiles. With real credentials (secrets
 * ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, optional _SECURITY_TOKEN) there is one
 * profile, `default`, and calls go to Alibaba. With none, the backend is the
 * built-in emulator and there are two profiles, `A` and `B`, holding the
 * emulator's test accounts (so the cross-account scenario can be played).
 */
import type { Credentials } from '@cen-kit/rpc';
import { TEST_ACCOUNTS } from '@cen-kit/emulator';
import type { MiddlewareHandler } from 'hono';
import { parseCredentialProfiles, type AssumeRoleSpec } from '../edge/credential-profiles.js';
import type { AppEnv, Bindings } from '../env.js';
import { ApiError, invalidParameter } from '../errors.js';

export interface Profile {
  name: string;
  credentials: Credentials;
  /** Known for the emulator's accounts; unknown for real credentials. */
  accountId?: string;
  /** An STS role: `credentials` are a placeholder until edge/sts.ts assumes it. */
  assumeRole?: AssumeRoleSpec;
}

export type Backend = 'emulator' | 'alibaba';

export const PROFILE_HEADER = 'X-Cen-Profile';

type CredentialEnv = Pick<Bindings, 'ALIBABA_CLOUD_ACCESS_KEY_ID' | 'ALIBABA_CLOUD_ACCESS_KEY_SECRET' | 'ALIBABA_CLOUD_SECURITY_TOKEN' | 'ALIBABA_CLOUD_PROFILES'>;

/** `alibaba` as soon as an AccessKey ID is configured, else `emulator`. */
export function backendOf(env: CredentialEnv): Backend {
  return env.ALIBABA_CLOUD_ACCESS_KEY_ID || env.ALIBABA_CLOUD_PROFILES ? 'alibaba' : 'emulator';
}

/**
 * Every profile the deployment offers, the default first.
 *
 * @example
 * ```ts
 * profilesOf({}).map((p) => p.name); // ['A', 'B'] (emulator)
 * ```
 */
export function profilesOf(env: CredentialEnv): Profile[] {
  // Several accounts, keys or STS roles (issue 4, edge/credential-profiles.ts).
  if (env.ALIBABA_CLOUD_PROFILES) return parseCredentialProfiles(env.ALIBABA_CLOUD_PROFILES);
  if (backendOf(env) === 'alibaba') {
    if (!env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) {
      // Names the missing secret, never a value.
      throw new ApiError(500, 'InternalError', 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not.');
    }
    const credentials: Credentials = {
      accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID!,
      accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    };
    if (env.ALIBABA_CLOUD_SECURITY_TOKEN) credentials.securityToken = env.ALIBABA_CLOUD_SECURITY_TOKEN;
    return [{ name: 'default', credentials }];
  }
  // TEST_ACCOUNTS lists account A (owner of the demo CEN) then B.
  const accounts = Object.values(TEST_ACCOUNTS) as { accountId: string | number; accessKeyId: string; accessKeySecret: string; name?: string }[];
  return accounts.slice(0, 2).map((a, i) => ({
    name: a.name ?? (i === 0 ? 'A' : 'B'),
    accountId: String(a.accountId),
    credentials: { accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret },
  }));
}

/** The profile named by `X-Cen-Profile`, or the default one. Unknown names are a 400 that names them. */
export function pickProfile(env: CredentialEnv, requested: string | undefined): Profile {
  const all = profilesOf(env);
  if (requested === undefined || requested === '') return all[0]!;
  const found = all.find((p) => p.name === requested);
  if (!found) {
    throw invalidParameter(
      [{ path: PROFILE_HEADER, message: `unknown profile ${JSON.stringify(requested.slice(0, 64))}; this deployment has ${all.map((p) => p.name).join(', ')}` }],
    );
  }
  return found;
}

/** Sets `c.var.profile` from the `X-Cen-Profile` header. */
export function profile(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('profile', pickProfile(c.env, c.req.header(PROFILE_HEADER)));
    await next();
  };
}
