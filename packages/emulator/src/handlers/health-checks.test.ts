/**
 * VBR health checks: only for attached VBRs; enable, modify (enable again),
 * describe, disable.
 */
import { describe, expect, it } from 'vitest';
import { B, emulator, err, ok } from '../test-helpers.js';
import { SEED } from '../world/seed.js';

type Obj = Record<string, any>;
const vbr = { CenId: SEED.cenId, VbrInstanceId: SEED.vbrHangzhou, VbrInstanceRegionId: 'cn-hangzhou' };
const list = async (app: any, extra: Obj = {}, o = {}) =>
  ((await ok(app, 'DescribeCenVbrHealthCheck', { VbrInstanceRegionId: 'cn-hangzhou', ...extra }, o)) as Obj).VbrHealthChecks.VbrHealthCheck as Obj[];

describe('VBR health checks', () => {
  it('describe, modify, disable, enable with defaults', async () => {
    const app = emulator();
    expect(await list(app)).toEqual([
      { CenId: SEED.cenId, VbrInstanceId: SEED.vbrHangzhou, VbrInstanceRegionId: 'cn-hangzhou', HealthCheckSourceIp: '100.96.0.1', HealthCheckTargetIp: '10.200.0.1', HealthCheckInterval: 2, HealthyThreshold: 8, HealthCheckOnly: false, Description: 'IDC uplink' },
    ]);
    await ok(app, 'EnableCenVbrHealthCheck', { ...vbr, HealthCheckTargetIp: '10.200.0.5', HealthCheckInterval: 3, HealthyThreshold: 4, HealthCheckOnly: true });
    expect(await list(app)).toEqual([expect.objectContaining({ HealthCheckTargetIp: '10.200.0.5', HealthCheckInterval: 3, HealthyThreshold: 4, HealthCheckOnly: true, HealthCheckSourceIp: '100.96.0.1' })]);
    await ok(app, 'DisableCenVbrHealthCheck', vbr);
    expect(await list(app)).toEqual([]);
    await ok(app, 'EnableCenVbrHealthCheck', { ...vbr, HealthCheckTargetIp: '10.200.0.6' });
    const [hc] = await list(app, { CenId: SEED.cenId, VbrInstanceId: SEED.vbrHangzhou });
    expect(hc).toMatchObject({ HealthCheckInterval: 2, HealthyThreshold: 8, HealthCheckOnly: false });
    expect(hc!.HealthCheckSourceIp).toMatch(/^100\.96\./);
    // Other regions, and other accounts, see none.
    expect(await list(app, { VbrInstanceRegionId: 'cn-shanghai' })).toEqual([]);
    expect(await list(app, {}, { account: B })).toEqual([]);
  });

  it('refuses bad values with the catalogue rules and VBRs not on the CEN', async () => {
    const app = emulator();
    expect((await err(app, 'EnableCenVbrHealthCheck', { ...vbr, HealthCheckTargetIp: '10.200.0.5', HealthyThreshold: 9 })).Code).toBe('InvalidParameter');
    expect((await err(app, 'EnableCenVbrHealthCheck', { ...vbr, HealthCheckTargetIp: '10.200.0.5', HealthCheckSourceIp: '8.8.8.8' })).Code).toBe('InvalidParameter');
    await ok(app, 'DetachCenChildInstance', { CenId: SEED.cenId, ChildInstanceId: SEED.vbrHangzhou, ChildInstanceType: 'VBR', ChildInstanceRegionId: 'cn-hangzhou' });
    // Detaching the VBR removed its health check.
    expect(await list(app)).toEqual([]);
    expect((await err(app, 'EnableCenVbrHealthCheck', { ...vbr, HealthCheckTargetIp: '10.200.0.5' })).Code).toBe('InvalidOperation.VbrNotAttachedToCen');
    expect((await err(app, 'DisableCenVbrHealthCheck', vbr)).Code).toBe('InvalidOperation.VbrNotAttachedToCen');
  });
});
