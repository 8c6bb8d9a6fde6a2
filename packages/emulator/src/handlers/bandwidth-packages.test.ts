/**
 * Bandwidth packages: buying (area pair, bandwidth range, expiry), filters,
 * association rules and spec changes.
 */
import { describe, expect, it } from 'vitest';
import { emulator, err, ok } from '../test-helpers.js';
import { SEED } from '../world/seed.js';

type Obj = Record<string, any>;
const get = async (app: any, id: string, o = {}) =>
  ((await ok(app, 'DescribeCenBandwidthPackages', { Filter: [{ Key: 'CenBandwidthPackageId', Value: [id] }] }, o)) as Obj).CenBandwidthPackages.CenBandwidthPackage[0] as Obj;

describe('bandwidth packages', () => {
  it('take 2–10000 Mbit/s and a known area; expire after Period × PricingCycle', async () => {
    const clock = Date.parse('2026-01-31T10:00:00Z');
    const app = emulator({ now: () => clock });
    const o = { at: clock };
    for (const Bandwidth of [1, 10001, 2.5]) {
      expect((await err(app, 'CreateCenBandwidthPackage', { Bandwidth, GeographicRegionAId: 'China', GeographicRegionBId: 'Europe' }, o)).Code).toBe('InvalidParameter');
    }
    expect((await err(app, 'CreateCenBandwidthPackage', { Bandwidth: 2, GeographicRegionAId: 'china', GeographicRegionBId: 'Europe' }, o)).Message).toMatch(/GeographicRegionAId/);
    expect((await err(app, 'CreateCenBandwidthPackage', { Bandwidth: 2, GeographicRegionAId: 'China', GeographicRegionBId: 'Europe', Period: 4 }, o)).Message).toMatch(/Period/);

    const month = (await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: 2, GeographicRegionAId: 'China', GeographicRegionBId: 'Europe', Period: 3 }, o)) as Obj;
    const year = (await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: 10000, GeographicRegionAId: 'Europe', GeographicRegionBId: 'Europe', PricingCycle: 'Year', Period: 2, Name: 'eu' }, o)) as Obj;
    expect(month.CenBandwidthPackageOrderId).not.toBe(year.CenBandwidthPackageOrderId);
    const m = await get(app, month.CenBandwidthPackageId, o);
    expect(m).toMatchObject({ CreationTime: '2026-01-31T10:00Z', ExpiredTime: '2026-05-01T10:00Z', Status: 'Idle', BusinessStatus: 'Normal', BandwidthPackageChargeType: 'PREPAY', GeographicSpanId: 'europe_china', IsCrossBorder: true });
    const y = await get(app, year.CenBandwidthPackageId, o);
    expect(y).toMatchObject({ ExpiredTime: '2028-01-31T10:00Z', Bandwidth: 10000, Name: 'eu', GeographicSpanId: 'europe_europe', IsCrossBorder: false });
  });

  it('filter by Status, Name and CenId, AND by default and OR with IsOrKey', async () => {
    const app = emulator();
    const ids = async (params: Obj) => ((await ok(app, 'DescribeCenBandwidthPackages', params)) as Obj).CenBandwidthPackages.CenBandwidthPackage.map((p: Obj) => p.CenBandwidthPackageId);
    expect(await ids({ Filter: [{ Key: 'Status', Value: ['InUse'] }] })).toEqual([SEED.packageId]);
    expect(await ids({ Filter: [{ Key: 'Status', Value: ['Idle'] }] })).toEqual([SEED.idlePackageId]);
    expect(await ids({ Filter: [{ Key: 'CenId', Value: [SEED.cenId] }, { Key: 'Name', Value: ['china-us'] }] })).toEqual([]);
    expect((await ids({ Filter: [{ Key: 'CenId', Value: [SEED.cenId] }, { Key: 'Name', Value: ['china-us'] }], IsOrKey: true })).sort()).toEqual([SEED.packageId, SEED.idlePackageId].sort());
    expect((await err(app, 'DescribeCenBandwidthPackages', { Filter: [{ Key: 'Bandwidth', Value: ['2'] }] })).Code).toBe('FilterKey.NotSupport');
  });

  it('spec changes may grow a package or shrink it down to what is allocated', async () => {
    const app = emulator();
    await ok(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: SEED.packageId, Bandwidth: 10 });
    expect((await get(app, SEED.packageId)).Bandwidth).toBe(10);
    expect((await err(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: SEED.packageId, Bandwidth: 9 })).Code).toBe('InvalidOperation.BwpSpecTooSmall');
    expect(((await ok(app, 'DescribeCenGeographicSpanRemainingBandwidth', { CenId: SEED.cenId, GeographicRegionAId: 'Asia-Pacific', GeographicRegionBId: 'China' })) as Obj).RemainingBandwidth).toBe(0);
    await ok(app, 'ModifyCenBandwidthPackageAttribute', { CenBandwidthPackageId: SEED.packageId, Name: 'renamed', Description: '' });
    expect(await get(app, SEED.packageId)).toMatchObject({ Name: 'renamed', Description: '' });
  });

  it('associate only one package per span per CEN, and only an unassociated package may be deleted', async () => {
    const app = emulator();
    await ok(app, 'AssociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId: SEED.idlePackageId });
    const cen = ((await ok(app, 'DescribeCens', {})) as Obj).Cens.Cen[0];
    expect(cen.CenBandwidthPackageIds.CenBandwidthPackageId.sort()).toEqual([SEED.packageId, SEED.idlePackageId].sort());
    expect((await err(app, 'AssociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId: SEED.idlePackageId })).Code).toBe('InvalidOperation.BwpAssociated');
    expect((await err(app, 'DeleteCenBandwidthPackage', { CenBandwidthPackageId: SEED.idlePackageId })).Code).toBe('InvalidOperation.BwpAssociated');
    await ok(app, 'UnassociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId: SEED.idlePackageId });
    expect((await err(app, 'UnassociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId: SEED.idlePackageId })).Code).toBe('InvalidOperation.BwpNotAssociated');
    await ok(app, 'DeleteCenBandwidthPackage', { CenBandwidthPackageId: SEED.idlePackageId });
    expect((await err(app, 'DeleteCenBandwidthPackage', { CenBandwidthPackageId: SEED.idlePackageId })).Code).toBe('ParameterBwpInstanceId');
  });

  it('lock when a subscription ends without renewal; AutoRenew moves the end on by whole periods', async () => {
    let clock = Date.parse('2026-01-10T08:00:00Z');
    const app = emulator({ now: () => clock });
    const buy = async (extra: Obj) =>
      ((await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: 4, GeographicRegionAId: 'China', GeographicRegionBId: 'Europe', Period: 1, ...extra }, { at: clock })) as Obj).CenBandwidthPackageId as string;
    const plain = await buy({});
    const renewing = await buy({ AutoRenew: true });
    clock = Date.parse('2026-03-15T08:00:00Z');
    const o = { at: clock };
    expect(await get(app, plain, o)).toMatchObject({ BusinessStatus: 'FinancialLocked', ExpiredTime: '2026-02-10T08:00Z' });
    expect(await get(app, renewing, o)).toMatchObject({ BusinessStatus: 'Normal', ExpiredTime: '2026-04-10T08:00Z' });
    const locked = await err(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: plain, Bandwidth: 6 }, o);
    expect([locked.Code, locked.status]).toEqual(['InvalidOperation.BwpBusinessStatus', 409]);
    await ok(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: renewing, Bandwidth: 6 }, o);
    // A locked package can still be deleted (Terraform's destroy must finish).
    await ok(app, 'DeleteCenBandwidthPackage', { CenBandwidthPackageId: plain }, o);
  });
});
