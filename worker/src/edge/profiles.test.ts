/**
 * Credential profiles from ALIBABA_CLOUD_PROFILES through the whole app:
 * key profiles sign with their own key, role profiles with STS credentials
 * obtained (once) with the source profile's key.
 */
import { readWireParams, verifySignature } from '@cen-kit/rpc';
import { beforeEach, describe, expect, it } from 'vitest';
import { registerTestSecret } from '../audit/test-secrets.js';
import { allow, appUnderTest, json, newToken, policy } from './testing.js';
import { clearStsCache } from './sts.js';

const A = { accessKeyId: 'LTAI-profile-a', accessKeySecret: 'profile-a-secret-0001' };
const C = { accessKeyId: 'LTAI-profile-c', accessKeySecret: 'profile-c-secret-0003' };
const STS = { AccessKeyId: 'STS.role-b', AccessKeySecret: 'sts-role-b-secret-0002', SecurityToken: 'sts-role-b-token-0002' };
registerTestSecret(A.accessKeySecret, C.accessKeySecret, STS.AccessKeySecret, STS.SecurityToken);

const PROFILES = JSON.stringify([
  { name: 'A', ...A, accountId: '1688000000000001' },
  { name: 'B', roleArn: 'acs:ram::9188000000000002:role/cen-operator', sourceProfile: 'A' },
  { name: 'C', ...C },
]);
const secrets: Record<string, string> = { [A.accessKeyId]: A.accessKeySecret, [C.accessKeyId]: C.accessKeySecret, [STS.AccessKeyId]: STS.AccessKeySecret };

const received: Record<string, string>[] = [];
let stsCalls = 0;
const { api, call } = appUnderTest({
  fetch: async (r) => {
    const params = await readWireParams(r);
    const verdict = await verifySignature('POST', params, secrets[params.AccessKeyId!] ?? '');
    if (!verdict.ok) return Response.json({ RequestId: 'X', Code: verdict.code, Message: 'bad signature' }, { status: 400 });
    received.push(params);
    return Response.json({ RequestId: `R-${received.length}`, TotalCount: 0, PageNumber: 1, PageSize: 10, Cens: { Cen: [] } });
  },
  random: () => 0.5,
  sleep: async () => {},
  security: {
    fetch: async (r) => {
      stsCalls++;
      const params = await readWireParams(r);
      expect(new URL(r.url).host).toBe('sts.aliyuncs.com');
      expect((await verifySignature('POST', params, A.accessKeySecret)).ok).toBe(true);
      return Response.json({ RequestId: 'S', Credentials: { ...STS, Expiration: new Date(Date.now() + 3600_000).toISOString() } });
    },
  },
});

beforeEach(() => {
  received.length = 0;
  stsCalls = 0;
  clearStsCache();
});

describe('ALIBABA_CLOUD_PROFILES', () => {
  it('signs with each profile\'s key, or with STS credentials for a role, and lets policies restrict them', async () => {
    const t = await newToken(policy(allow('*')), { profiles: ['A', 'B'] });
    const env = { ALIBABA_CLOUD_PROFILES: PROFILES, PORTAL_TOKENS: JSON.stringify([t.entry]) };
    const headers = (profile?: string) => ({ authorization: `Bearer ${t.token}`, ...(profile ? { 'X-Cen-Profile': profile } : {}) });

    const index = await json(await call('/api', { env, headers: headers() }));
    expect(index.backend).toBe('alibaba');
    expect(index.caller).toMatchObject({ profiles: ['A', 'B'], defaultProfile: 'A' });

    expect((await api('DescribeCens', {}, { env, headers: headers() })).status).toBe(200);
    expect((await api('DescribeCens', {}, { env, headers: headers('B') })).status).toBe(200);
    expect((await api('DescribeCens', {}, { env, headers: headers('B') })).status).toBe(200);
    expect(received.map((p) => [p.AccessKeyId, p.SecurityToken])).toEqual([
      [A.accessKeyId, undefined],
      [STS.AccessKeyId, STS.SecurityToken],
      [STS.AccessKeyId, STS.SecurityToken],
    ]);
    expect(stsCalls).toBe(1);

    const refused = await api('DescribeCens', {}, { env, headers: headers('C') });
    expect(refused.status).toBe(403);
    expect((await json(refused)).Message).toContain('"C"');
    expect(received).toHaveLength(3);
  });
});
