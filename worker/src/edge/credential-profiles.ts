/**
 * Several Alibaba accounts in one deployment: the secret ALIBABA_CLOUD_PROFILES
 * lists credential profiles, each with its own AccessKey or an STS AssumeRole
 * set-up signed with another profile's key:
 *
 *   [{ "name": "A", "accessKeyId": "LTAI…", "accessKeySecret": "…", "accountId": "1688…" },
 *    { "name": "B", "roleArn": "acs:ram::9188…:role/cen-admin", "sourceProfile": "A", "sessionName": "cen-kit" }]
 *
 * Role profiles carry no usable key until `resolveCredentials` (sts.ts) has
 * assumed the role; their placeholder key is empty, so an unresolved profile
 * fails loudly rather than signing as the source account.
 */
import type { Credentials } from '@cen-kit/rpc';
import { ApiError } from '../errors.js';

export interface AssumeRoleSpec {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  /** The key that signs the AssumeRole call (the source profile's). */
  source: Credentials;
  /** The source profile's name, for messages. */
  sourceProfile: string;
}

export interface ConfiguredProfile {
  name: string;
  credentials: Credentials;
  accountId?: string;
  assumeRole?: AssumeRoleSpec;
}

const cache = new Map<string, ConfiguredProfile[]>();

const invalid = (what: string) => new ApiError(500, 'InvalidConfiguration', `The Worker's ALIBABA_CLOUD_PROFILES is invalid: ${what}`);

/**
 * @example
 * ```ts
 * parseCredentialProfiles('[{"name":"A","accessKeyId":"id","accessKeySecret":"s"}]')[0].name; // 'A'
 * ```
 */
export function parseCredentialProfiles(text: string): ConfiguredProfile[] {
  const hit = cache.get(text);
  if (hit) return hit;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('it is not valid JSON');
  }
  if (!Array.isArray(raw) || raw.length === 0) throw invalid('it must be a non-empty JSON list');
  const entries = raw.map((v, i) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalid(`[${i}] must be an object`);
    return v as Record<string, unknown>;
  });
  const byName = new Map<string, Record<string, unknown>>();
  entries.forEach((e, i) => {
    const name = e.name;
    if (typeof name !== 'string' || !/^[\w.-]{1,64}$/.test(name)) throw invalid(`[${i}].name must be 1–64 letters, digits, '.', '_' or '-'`);
    if (byName.has(name)) throw invalid(`[${i}].name ${JSON.stringify(name)} is used twice`);
    byName.set(name, e);
  });
  const keyOf = (e: Record<string, unknown>, where: string): Credentials => {
    if (typeof e.accessKeyId !== 'string' || !e.accessKeyId || typeof e.accessKeySecret !== 'string' || !e.accessKeySecret) {
      throw invalid(`${where} needs accessKeyId and accessKeySecret (or roleArn and sourceProfile)`);
    }
    const c: Credentials = { accessKeyId: e.accessKeyId, accessKeySecret: e.accessKeySecret };
    if (typeof e.securityToken === 'string' && e.securityToken) c.securityToken = e.securityToken;
    return c;
  };
  const out = entries.map((e, i): ConfiguredProfile => {
    const where = `[${i}] (${String(e.name)})`;
    const accountId = typeof e.accountId === 'string' || typeof e.accountId === 'number' ? String(e.accountId) : undefined;
    if (e.roleArn === undefined) {
      const p: ConfiguredProfile = { name: e.name as string, credentials: keyOf(e, where) };
      if (accountId) p.accountId = accountId;
      return p;
    }
    if (typeof e.roleArn !== 'string' || !/^acs:ram::\d+:role\/[\w.@/-]+$/i.test(e.roleArn)) throw invalid(`${where}.roleArn must look like acs:ram::<accountId>:role/<name>`);
    if (typeof e.sourceProfile !== 'string') throw invalid(`${where}.sourceProfile must name a profile with an AccessKey`);
    const source = byName.get(e.sourceProfile);
    if (!source || source.roleArn !== undefined) throw invalid(`${where}.sourceProfile ${JSON.stringify(e.sourceProfile)} must name a profile with an AccessKey`);
    const sessionName = e.sessionName === undefined ? 'cen-kit' : e.sessionName;
    if (typeof sessionName !== 'string' || !/^[\w.@-]{2,64}$/.test(sessionName)) throw invalid(`${where}.sessionName must be 2–64 letters, digits, '.', '@', '_' or '-'`);
    const duration = e.durationSeconds === undefined ? 3600 : e.durationSeconds;
    if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 900 || duration > 43200) throw invalid(`${where}.durationSeconds must be an integer from 900 to 43200`);
    const p: ConfiguredProfile = {
      name: e.name as string,
      // Deliberately unusable until the role is assumed.
      credentials: { accessKeyId: '', accessKeySecret: '' },
      accountId: accountId ?? /^acs:ram::(\d+):/i.exec(e.roleArn)![1]!,
      assumeRole: { roleArn: e.roleArn, sessionName, durationSeconds: duration, source: keyOf(source, `source profile ${e.sourceProfile}`), sourceProfile: e.sourceProfile },
    };
    return p;
  });
  if (cache.size > 16) cache.clear();
  cache.set(text, out);
  return out;
}
