import { afterEach, describe, expect, it, vi } from 'vitest';
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
