/**
 * With a delay and an injected clock, statuses move as Alibaba's do, computed
 * lazily from timestamps; changes on an instance in flight are refused.
 */
import { describe, expect, it } from 'vitest';
import { emulator, err, ok } from './test-helpers.js';
import { SEED } from './world/seed.js';

type Obj = Record<string, any>;
const DELAY = 5000;

function timed() {
  let clock = Date.now();
  const app = emulator({ delayMs: DELAY, now: () => clock });
  const o = () => ({ at: clock });
  return { app, o, advance: (ms: number) => void (clock += ms) };
}

const cenStatus = async (app: any, CenId: string, o: object) =>
  (((await ok(app, 'DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] }, o)) as Obj).Cens.Cen[0]?.Status as string | undefined);

describe('transitions', () => {
  it('CEN: Creating → Active, then Deleting → gone', async () => {
    const { app, o, advance } = timed();
    const { CenId } = (await ok(app, 'CreateCen', { Name: 'slow' }, o())) as Obj;
    expect(await cenStatus(app, CenId, o())).toBe('Creating');
    expect((await err(app, 'ModifyCenAttribute', { CenId, Name: 'x' }, o())).Code).toBe('InvalidOperation.CenInstanceStatus');
    expect((await err(app, 'DeleteCen', { CenId }, o())).Code).toBe('InvalidOperation.CenInstanceStatus');
    advance(DELAY - 1);
    expect(await cenStatus(app, CenId, o())).toBe('Creating');
    advance(1);
    expect(await cenStatus(app, CenId, o())).toBe('Active');
    await ok(app, 'DeleteCen', { CenId }, o());
    expect(await cenStatus(app, CenId, o())).toBe('Deleting');
    expect((await err(app, 'AttachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcBeijing, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' }, o())).Code).toBe(
      'InvalidOperation.CenInstanceStatus',
    );
    advance(DELAY);
    expect(await cenStatus(app, CenId, o())).toBeUndefined();
  });

  it('attachment: Attaching → Attached, Detaching → gone; other changes on the CEN are blocked meanwhile', async () => {
    const { app, o, advance } = timed();
    const args = { CenId: SEED.cenId, ChildInstanceId: SEED.vpcBeijing, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' };
    const status = async () =>
      ((await ok(app, 'DescribeCenAttachedChildInstances', { CenId: SEED.cenId, ChildInstanceRegionId: 'cn-beijing' }, o())) as Obj).ChildInstances.ChildInstance.map((a: Obj) => a.Status);
    await ok(app, 'AttachCenChildInstance', args, o());
    expect(await status()).toEqual(['Attaching']);
    expect((await err(app, 'AttachCenChildInstance', args, o())).Code).toBe('InvalidOperation.ChildInstanceStatus');
    expect((await err(app, 'DetachCenChildInstance', args, o())).Code).toBe('InvalidOperation.ChildInstanceStatus');
    const other = { ...args, ChildInstanceId: SEED.vpcBeijing2 };
    expect((await err(app, 'AttachCenChildInstance', other, o())).Code).toBe('Operation.Blocking');
    // An Attaching network is not yet a route source.
    const routes = (await ok(app, 'DescribeCenRegionDomainRouteEntries', { CenId: SEED.cenId, CenRegionId: 'cn-hangzhou' }, o())) as Obj;
    expect(routes.CenRouteEntries.CenRouteEntry.map((e: Obj) => e.DestinationCidrBlock)).not.toContain('172.16.1.0/24');
    advance(DELAY);
    expect(await status()).toEqual(['Attached']);
    await ok(app, 'DetachCenChildInstance', args, o());
    expect(await status()).toEqual(['Detaching']);
    advance(DELAY);
    expect(await status()).toEqual([]);
  });

  it('limit: Modifying → Active; set to 0 it is Modifying, then gone', async () => {
    const { app, o, advance } = timed();
    const limits = async () =>
      ((await ok(app, 'DescribeCenInterRegionBandwidthLimits', { CenId: SEED.cenId }, o())) as Obj).CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit as Obj[];
    await ok(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, ...SEED.limit, BandwidthLimit: 15 }, o());
    expect((await limits()).map((l) => [l.BandwidthLimit, l.Status])).toEqual([[15, 'Modifying']]);
    expect((await err(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, ...SEED.limit, BandwidthLimit: 16 }, o())).Code).toBe('Operation.Blocking');
    advance(DELAY);
    expect((await limits()).map((l) => [l.BandwidthLimit, l.Status])).toEqual([[15, 'Active']]);
    await ok(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, LocalRegionId: 'ap-southeast-1', OppositeRegionId: 'cn-hangzhou', BandwidthLimit: 0 }, o());
    expect((await limits()).map((l) => l.Status)).toEqual(['Modifying']);
    advance(DELAY);
    expect(await limits()).toEqual([]);
  });

  it('package: associate Idle → InUse; a spec change shows its new Bandwidth once it takes effect', async () => {
    const { app, o, advance } = timed();
    const pkg = async () =>
      ((await ok(app, 'DescribeCenBandwidthPackages', { Filter: [{ Key: 'CenBandwidthPackageId', Value: [SEED.idlePackageId] }] }, o())) as Obj).CenBandwidthPackages.CenBandwidthPackage[0] as Obj;
    await ok(app, 'AssociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId: SEED.idlePackageId }, o());
    expect((await pkg()).Status).toBe('Idle');
    expect((await err(app, 'UnassociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId: SEED.idlePackageId }, o())).Code).toBe('InvalidOperation.BwpInstanceStatus');
    advance(DELAY);
    expect((await pkg()).Status).toBe('InUse');
    await ok(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: SEED.idlePackageId, Bandwidth: 40 }, o());
    expect((await pkg()).Bandwidth).toBe(10);
    expect((await err(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: SEED.idlePackageId, Bandwidth: 50 }, o())).Code).toBe('InvalidOperation.BwpInstanceStatus');
    advance(DELAY);
    expect((await pkg())).toMatchObject({ Bandwidth: 40, Status: 'InUse' });
  });
});
