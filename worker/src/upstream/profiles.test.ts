import { describe, expect, test } from 'vitest';
import { backendOf, pickProfile, profilesOf } from './profiles.js';

describe('profiles', () => {
  test('no credentials: the emulator with accounts A and B, A by default', () => {
    expect(backendOf({})).toBe('emulator');
    const ps = profilesOf({});
    expect(ps.map((p) => p.name)).toEqual(['A', 'B']);
    expect(ps[0]!.accountId).not.toBe(ps[1]!.accountId);
    expect(pickProfile({}, undefined).name).toBe('A');
    expect(pickProfile({}, 'B').name).toBe('B');
  });

  test('real credentials: one profile, default, with the STS token when set', () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's3cret', ALIBABA_CLOUD_SECURITY_TOKEN: 'tok' };
    expect(backendOf(env)).toBe('alibaba');
    expect(profilesOf(env)).toEqual([{ name: 'default', credentials: { accessKeyId: 'id', accessKeySecret: 's3cret', securityToken: 'tok' } }]);
    expect(() => pickProfile(env, 'A')).toThrow(/unknown profile "A"; this deployment has default/);
  });

  test('an AccessKey ID without its secret is a configuration error that names the secret, not a value', () => {
    expect(() => profilesOf({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id-123' })).toThrow(/ALIBABA_CLOUD_ACCESS_KEY_SECRET is not\./);
    expect(() => profilesOf({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id-123' })).not.toThrow(/id-123/);
  });
});
