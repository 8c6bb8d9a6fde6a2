import { afterEach, describe, expect, it, vi } from 'vitest';
import { knownSecrets } from './audit.js';
import { logLine, redact, redactText, REDACTED } from './redact.js';

describe('redactText', () => {
  it('removes bearer credentials, JWTs and signing parameters', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const text = `Authorization: Bearer portal-token-123 cookie ${jwt} a=1&Signature=abc%2F&SignatureNonce=n-1&SecurityToken=sts`;
    const out = redactText(text);
    expect(out).not.toContain('portal-token-123');
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('abc%2F');
    expect(out).not.toContain('n-1');
    expect(out).not.toContain('=sts');
    expect(out).toContain('a=1');
  });

  it('removes JSON-style secret fields inside text', () => {
    const out = redactText('{"AccessKeySecret":"s3cr3t-value","AccessKeyId":"LTAI-x"}');
    expect(out).not.toContain('s3cr3t-value');
    expect(out).toContain('LTAI-x');
  });

  it('cuts known secret values wherever they appear', () => {
    expect(redactText('key=supersecretvalue;', ['supersecretvalue'])).toBe(`key=${REDACTED};`);
    // Too short to scrub as a substring safely.
    expect(redactText('abc', ['abc'])).toBe('abc');
  });
});

describe('redact', () => {
  it('replaces secret-named fields at any depth and keeps the rest', () => {
    const out = redact({
      action: 'CreateCen',
      caller: { kind: 'token', name: 'portal', token: 'raw' },
      headers: { Authorization: 'Bearer x', 'Cf-Access-Jwt-Assertion': 'y', cookie: 'CF_Authorization=z' },
      credentials: { accessKeyId: 'id', accessKeySecret: 'secret' },
      list: [{ SecurityToken: 'sts' }],
    });
    expect(out).toEqual({
      action: 'CreateCen',
      caller: { kind: 'token', name: 'portal', token: REDACTED },
      headers: { Authorization: REDACTED, 'Cf-Access-Jwt-Assertion': REDACTED, cookie: REDACTED },
      credentials: REDACTED,
      list: [{ SecurityToken: REDACTED }],
    });
  });

  it('bounds depth so a cyclic or deep value cannot blow up a log line', () => {
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 50; i++) cur = cur.next = {} as Record<string, unknown>;
    expect(JSON.stringify(redact(deep)).length).toBeLessThan(200);
  });
});

describe('logLine', () => {
  afterEach(() => vi.restoreAllMocks());
  it('writes one JSON line without the secrets', () => {
    const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
    logLine({ audit: true, authorization: 'Bearer abcdefgh', note: 'token abcdefghij', url: 'x?Signature=zzz' }, ['abcdefghij']);
    expect(spy).toHaveBeenCalledTimes(1);
    const line = String(spy.mock.calls[0]![0]);
    expect(JSON.parse(line).audit).toBe(true);
    expect(line).not.toMatch(/abcdefgh|zzz/);
  });
});

describe('knownSecrets', () => {
  it('lists the key secret, the STS token and every profile secret, for the env it is given', () => {
    const profiles = JSON.stringify([{ name: 'A', accessKeyId: 'id-a', accessKeySecret: 'profile-secret-a' }, { name: 'B', accessKeyId: 'id-b', accessKeySecret: 'profile-secret-b', securityToken: 'profile-sts-b' }]);
    const env = { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'key-secret-1', ALIBABA_CLOUD_SECURITY_TOKEN: 'sts-token-1', ALIBABA_CLOUD_PROFILES: profiles };
    expect(knownSecrets(env)).toEqual(['key-secret-1', 'sts-token-1', 'profile-secret-a', 'profile-secret-b', 'profile-sts-b']);
    // Asked again, and then for other values: each answer belongs to its own env.
    expect(knownSecrets({ ...env })).toEqual(['key-secret-1', 'sts-token-1', 'profile-secret-a', 'profile-secret-b', 'profile-sts-b']);
    expect(knownSecrets({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'key-secret-2' })).toEqual(['key-secret-2']);
    expect(knownSecrets({ ...env, ALIBABA_CLOUD_PROFILES: undefined })).toEqual(['key-secret-1', 'sts-token-1']);
    expect(knownSecrets({})).toEqual([]);
  });
});
