import { describe, expect, it } from 'vitest';
import { callerConfig, teamUrl } from './config.js';
import { bearerToken, findToken, sha256Hex } from './portal-token.js';
import { TEST_PORTAL_TOKEN, TEST_PORTAL_TOKEN_SHA256 } from './testing.js';

const P = { Statement: [{ Effect: 'Allow', Action: '*' }] };

describe('portal tokens', () => {
  it('are stored as SHA-256 hex (the test constant matches)', async () => {
    expect(await sha256Hex(TEST_PORTAL_TOKEN)).toBe(TEST_PORTAL_TOKEN_SHA256);
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('are read from "Bearer <token>" only', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.DEF-123_~')).toBe('abc.DEF-123_~');
    expect(bearerToken('bearer  abc')).toBe('abc');
    for (const bad of ['Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'Token abc', `Bearer ${'x'.repeat(600)}`]) expect(bearerToken(bad), bad).toBe(false);
  });

  it('match the one entry whose hash equals the token hash, case-insensitive hex in the config', async () => {
    const cfg = callerConfig({
      PORTAL_TOKENS: JSON.stringify([
        { name: 'one', sha256: await sha256Hex('token-one'), policy: P },
        { name: 'two', sha256: (await sha256Hex('token-two')).toUpperCase(), origins: ['https://Portal.Example.com/'], policy: P, profiles: ['A'], defaultProfile: 'A' },
      ]),
    });
    expect((await findToken('token-two', cfg.tokens))?.name).toBe('two');
    expect((await findToken('token-one', cfg.tokens))?.name).toBe('one');
    expect(await findToken('token-three', cfg.tokens)).toBeUndefined();
    expect(cfg.tokens[1]).toMatchObject({ origins: ['https://portal.example.com'], profiles: ['A'], defaultProfile: 'A' });
  });
});

describe('caller configuration', () => {
  const err = (env: Record<string, string>) => {
    try {
      callerConfig(env);
    } catch (e) {
      return e as { status: number; code: string; message: string };
    }
    throw new Error('accepted');
  };

  it('is off by default and on with tokens or Access', () => {
    expect(callerConfig({})).toMatchObject({ configured: false, anonymousRead: false, tokens: [] });
    expect(callerConfig({ ANONYMOUS: 'read' })).toMatchObject({ configured: false, anonymousRead: true });
    expect(callerConfig({ ACCESS_TEAM_DOMAIN: 'acme', ACCESS_AUD: 'a1, a2' })).toMatchObject({ configured: true, access: { teamUrl: 'https://acme.cloudflareaccess.com', audiences: ['a1', 'a2'], entries: [] } });
  });

  it.each([
    [{ PORTAL_TOKENS: 'not json' }, 'PORTAL_TOKENS is not valid JSON'],
    [{ PORTAL_TOKENS: '{}' }, 'PORTAL_TOKENS must be a JSON list'],
    [{ PORTAL_TOKENS: '[{"name":"a","sha256":"00","policy":{"Statement":[]}}]' }, 'PORTAL_TOKENS[0].sha256 must be the SHA-256'],
    [{ PORTAL_TOKENS: `[{"name":"a","sha256":"${'0'.repeat(64)}","origins":["nope"],"policy":{"Statement":[]}}]` }, 'PORTAL_TOKENS[0].origins[0] must be an origin'],
    [{ PORTAL_TOKENS: `[{"name":"a","sha256":"${'0'.repeat(64)}","policy":{"Statement":[]},"profiles":["A"],"defaultProfile":"B"}]` }, 'defaultProfile must be one of its profiles'],
    [{ ACCESS_TEAM_DOMAIN: 'acme' }, 'ACCESS_TEAM_DOMAIN and ACCESS_AUD must be set together'],
    [{ ACCESS_POLICIES: '[]' }, 'ACCESS_POLICIES is set but Cloudflare Access is not'],
    [{ ACCESS_TEAM_DOMAIN: 'acme', ACCESS_AUD: 'x', ACCESS_POLICIES: '[{"policy":{"Statement":[]}}]' }, 'ACCESS_POLICIES[0] must name emails, emailDomains or groups'],
    [{ ACCESS_TEAM_DOMAIN: 'acme', ACCESS_AUD: 'x', ACCESS_POLICIES: '[{"emails":["a@b.c"],"policy":{"Statement":[{"Effect":"Permit","Action":"*"}]}}]' }, 'ACCESS_POLICIES[0].policy.Statement[0].Effect'],
    [{ ANONYMOUS: 'write' }, 'ANONYMOUS must be "read" or unset'],
  ])('refuses %j with a 500 that says where', (env, message) => {
    const e = err(env);
    expect(e).toMatchObject({ status: 500, code: 'InvalidConfiguration' });
    expect(e.message).toContain(message);
  });

  it('takes the Access team as a name, host or URL', () => {
    expect(teamUrl('acme')).toBe('https://acme.cloudflareaccess.com');
    expect(teamUrl('acme.cloudflareaccess.com')).toBe('https://acme.cloudflareaccess.com');
    expect(teamUrl('https://ACME.cloudflareaccess.com/')).toBe('https://acme.cloudflareaccess.com');
  });
});
