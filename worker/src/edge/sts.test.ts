import { readWireParams, verifySignature } from '@cen-kit/rpc';
import { beforeEach, describe, expect, it } from 'vitest';
import { registerTestSecret } from '../audit/test-secrets.js';
import { parseCredentialProfiles } from './credential-profiles.js';
import { clearStsCache, RENEW_BEFORE_MS, resolveCredentials } from './sts.js';

const SOURCE = { accessKeyId: 'LTAI-source', accessKeySecret: 'source-secret-value-123' };
registerTestSecret(SOURCE.accessKeySecret);
const PROFILES = JSON.stringify([
  { name: 'A', ...SOURCE, accountId: '1688000000000001' },
  { name: 'B', roleArn: 'acs:ram::9188000000000002:role/cen-admin', sourceProfile: 'A', sessionName: 'cen-kit-test' },
]);
const NOW = Date.UTC(2026, 3, 1, 12, 0, 0);

interface Sts {
  fetch: (r: Request) => Promise<Response>;
  calls: Record<string, string>[];
}

/** A stand-in STS that checks the signature with the source secret and issues one-hour credentials. */
function fakeSts(answer?: (n: number) => Response): Sts {
  const calls: Record<string, string>[] = [];
  return {
    calls,
    fetch: async (r: Request) => {
      expect(new URL(r.url).host).toBe('sts.aliyuncs.com');
      const params = await readWireParams(r);
      calls.push(params);
      const v = await verifySignature('POST', params, SOURCE.accessKeySecret);
      if (!v.ok) return Response.json({ Code: v.code, Message: 'bad signature' }, { status: 400 });
      if (answer) return answer(calls.length);
      return Response.json({
        RequestId: `sts-${calls.length}`,
        AssumedRoleUser: { Arn: params.RoleArn, AssumedRoleId: 'x' },
        Credentials: {
          AccessKeyId: `STS.key-${calls.length}`,
          AccessKeySecret: `sts-secret-${calls.length}`,
          SecurityToken: `sts-token-${calls.length}`,
          Expiration: new Date(NOW + 3600_000 * calls.length).toISOString().replace(/\.\d+Z$/, 'Z'),
        },
      });
    },
  };
}

beforeEach(() => clearStsCache());

describe('credential profiles', () => {
  it('reads key profiles and role profiles', () => {
    const [a, b] = parseCredentialProfiles(PROFILES);
    expect(a).toEqual({ name: 'A', credentials: SOURCE, accountId: '1688000000000001' });
    expect(b).toMatchObject({ name: 'B', accountId: '9188000000000002', credentials: { accessKeyId: '', accessKeySecret: '' } });
    expect(b!.assumeRole).toMatchObject({ roleArn: 'acs:ram::9188000000000002:role/cen-admin', sessionName: 'cen-kit-test', source: SOURCE, durationSeconds: 3600 });
  });

  it.each([
    ['nope', /not valid JSON/],
    ['[]', /non-empty JSON list/],
    ['[{"name":"A"}]', /\[0\] \(A\) needs accessKeyId and accessKeySecret/],
    ['[{"name":"A","accessKeyId":"i","accessKeySecret":"zz-value-zz"},{"name":"A","accessKeyId":"i","accessKeySecret":"zz-value-zz"}]', /used twice/],
    ['[{"name":"B","roleArn":"acs:ram::1:role/r","sourceProfile":"missing"}]', /sourceProfile "missing" must name a profile with an AccessKey/],
    ['[{"name":"B","roleArn":"arn:aws:iam::1:role/r","sourceProfile":"A"}]', /roleArn must look like/],
  ])('refuses %s without echoing values', (text, message) => {
    let err: unknown;
    try {
      parseCredentialProfiles(text);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ status: 500, code: 'InvalidConfiguration' });
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('zz-value-zz');
  });
});

describe('STS AssumeRole', () => {
  const role = () => parseCredentialProfiles(PROFILES)[1]!;

  it('assumes the role with a request signed by the source profile, and uses the answer', async () => {
    const sts = fakeSts();
    const ready = await resolveCredentials(role(), { fetch: sts.fetch, now: () => NOW });
    expect(ready.credentials).toEqual({ accessKeyId: 'STS.key-1', accessKeySecret: 'sts-secret-1', securityToken: 'sts-token-1' });
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]).toMatchObject({
      Action: 'AssumeRole',
      Version: '2015-04-01',
      AccessKeyId: SOURCE.accessKeyId,
      RoleArn: 'acs:ram::9188000000000002:role/cen-admin',
      RoleSessionName: 'cen-kit-test',
      DurationSeconds: '3600',
      SignatureMethod: 'HMAC-SHA1',
    });
  });

  it('leaves key profiles alone', async () => {
    const sts = fakeSts();
    const a = parseCredentialProfiles(PROFILES)[0]!;
    expect(await resolveCredentials(a, { fetch: sts.fetch, now: () => NOW })).toBe(a);
    expect(sts.calls).toHaveLength(0);
  });

  it('caches the credentials until five minutes before they expire, and shares one call between concurrent requests', async () => {
    const sts = fakeSts();
    let clock = NOW;
    const deps = { fetch: sts.fetch, now: () => clock };
    const all = await Promise.all(Array.from({ length: 5 }, () => resolveCredentials(role(), deps)));
    expect(new Set(all.map((p) => p.credentials.accessKeyId))).toEqual(new Set(['STS.key-1']));
    expect(sts.calls).toHaveLength(1);

    clock = NOW + 3600_000 - RENEW_BEFORE_MS - 1000;
    expect((await resolveCredentials(role(), deps)).credentials.accessKeyId).toBe('STS.key-1');
    expect(sts.calls).toHaveLength(1);

    clock = NOW + 3600_000 - RENEW_BEFORE_MS;
    expect((await resolveCredentials(role(), deps)).credentials.accessKeyId).toBe('STS.key-2');
    expect(sts.calls).toHaveLength(2);
  });

  it('fails with 502 AssumeRoleFailed, naming the profile and STS code, never the secrets', async () => {
    const sts = fakeSts(() =>
      Response.json({ Code: 'NoPermission', Message: 'You are not authorized, SecurityToken=abc&x', RequestId: 'r' }, { status: 403 }),
    );
    const err = (await resolveCredentials(role(), { fetch: sts.fetch, now: () => NOW }).catch((e: unknown) => e)) as Error & { status: number; code: string };
    expect(err).toMatchObject({ status: 502, code: 'AssumeRoleFailed' });
    expect(err.message).toMatch(/profile "B".*NoPermission/);
    expect(err.message).not.toContain(SOURCE.accessKeySecret);
    expect(err.message).not.toContain('SecurityToken=abc');

    const down = await resolveCredentials(role(), { fetch: async () => Promise.reject(new TypeError('connect ECONNREFUSED')), now: () => NOW }).catch((e: unknown) => e);
    expect(down).toMatchObject({ status: 502, code: 'AssumeRoleFailed' });
    // A failure is not cached: the next call tries again.
    expect((await resolveCredentials(role(), { fetch: fakeSts().fetch, now: () => NOW })).credentials.accessKeyId).toBe('STS.key-1');
  });
});
