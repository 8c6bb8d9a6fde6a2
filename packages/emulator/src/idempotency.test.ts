/**
 * ClientToken idempotence, per account + action + token.
 */
import { describe, expect, it } from 'vitest';
import { A, B, emulator, err, ok } from './test-helpers.js';

type Obj = Record<string, any>;
const count = async (app: any, account = A) => ((await ok(app, 'DescribeCens', { PageSize: 50 }, { account })) as Obj).TotalCount as number;

describe('ClientToken', () => {
  it('the same token and parameters answer the first result and create nothing new', async () => {
    const app = emulator();
    const before = await count(app);
    const first = (await ok(app, 'CreateCen', { Name: 'idem', ClientToken: 'token-123' })) as Obj;
    // Parameter order and number-vs-text do not make a call different.
    const again = (await ok(app, 'CreateCen', { ClientToken: 'token-123', Name: 'idem' })) as Obj;
    expect(again.CenId).toBe(first.CenId);
    expect(again.RequestId).not.toBe(first.RequestId);
    expect(await count(app)).toBe(before + 1);

    const pkg1 = (await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: 2, GeographicRegionAId: 'China', GeographicRegionBId: 'China', ClientToken: 'p' })) as Obj;
    const pkg2 = (await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: '2', GeographicRegionAId: 'China', GeographicRegionBId: 'China', ClientToken: 'p' })) as Obj;
    expect(pkg2).toMatchObject({ CenBandwidthPackageId: pkg1.CenBandwidthPackageId, CenBandwidthPackageOrderId: pkg1.CenBandwidthPackageOrderId });
  });

  it('the same token with other parameters is IdempotenceParam.NotMatch and changes nothing', async () => {
    const app = emulator();
    await ok(app, 'CreateCen', { Name: 'one', ClientToken: 't' });
    const before = await count(app);
    const e = await err(app, 'CreateCen', { Name: 'two', ClientToken: 't' });
    expect([e.Code, e.status]).toEqual(['IdempotenceParam.NotMatch', 400]);
    expect(await count(app)).toBe(before);
  });

  it('tokens are per account and per action; no token means no idempotence', async () => {
    const app = emulator();
    const a = (await ok(app, 'CreateCen', { Name: 'x', ClientToken: 'shared' })) as Obj;
    const b = (await ok(app, 'CreateCen', { Name: 'x', ClientToken: 'shared' }, { account: B })) as Obj;
    expect(b.CenId).not.toBe(a.CenId);
    // Another action with the same token is a different call.
    await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: 2, GeographicRegionAId: 'China', GeographicRegionBId: 'China', ClientToken: 'shared' });
    const n1 = (await ok(app, 'CreateCen', { Name: 'y' })) as Obj;
    const n2 = (await ok(app, 'CreateCen', { Name: 'y' })) as Obj;
    expect(n2.CenId).not.toBe(n1.CenId);
  });

  it('a failed call is not remembered: the token can be used once it would succeed', async () => {
    const app = emulator();
    expect((await err(app, 'CreateCen', { Name: 'https://bad', ClientToken: 'retry-me' })).Code).toBe('InvalidName');
    const created = (await ok(app, 'CreateCen', { Name: 'good', ClientToken: 'retry-me' })) as Obj;
    expect(created.CenId).toMatch(/^cen-/);
  });
});
