/**
 * `_control/routes`: synthetic routes for large route tables, seen through
 * the real RPC path (DescribeCenRegionDomainRouteEntries).
 */
import { describe, expect, it } from 'vitest';
import { MAX_SYNTHETIC_ROUTES } from './control.js';
import { emulator, ok } from './test-helpers.js';
import { SEED } from './world/seed.js';

const base = 'http://emulator.test/emulator/_control';
const post = (app: ReturnType<typeof emulator>, body: unknown, path = 'routes') =>
  app.request(`${base}/${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

const regionTotal = async (app: ReturnType<typeof emulator>) =>
  ((await ok(app, 'DescribeCenRegionDomainRouteEntries', { CenId: SEED.cenId, CenRegionId: 'cn-hangzhou', PageSize: 10 })) as { TotalCount: number }).TotalCount;

describe('control: routes', () => {
  it('adds published routes to a network by its ID, which CEN then lists, page by page', async () => {
    const app = emulator({ control: true });
    const before = await regionTotal(app);
    const r = await post(app, { ChildInstanceId: SEED.vpcHangzhou, count: 2000 });
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, ChildInstanceId: SEED.vpcHangzhou, RegionId: 'cn-hangzhou', CenId: SEED.cenId, added: 2000 });
    expect(await regionTotal(app)).toBe(before + 2000);
    const page4 = (await ok(app, 'DescribeCenRegionDomainRouteEntries', { CenId: SEED.cenId, CenRegionId: 'cn-hangzhou', PageSize: 500, PageNumber: 4 })) as any;
    expect(page4.CenRouteEntries.CenRouteEntry).toHaveLength(Math.min(500, before + 2000 - 1500));
  });

  it('finds the network by CEN and region, and never repeats a destination', async () => {
    const app = emulator({ control: true });
    const before = await regionTotal(app);
    for (let k = 0; k < 2; k++) expect((await post(app, { CenId: SEED.cenId, RegionId: 'cn-hangzhou', count: 3 })).status).toBe(200);
    expect(await regionTotal(app)).toBe(before + 6);
    const all = (await ok(app, 'DescribeCenRegionDomainRouteEntries', { CenId: SEED.cenId, CenRegionId: 'cn-hangzhou', PageSize: 500 })) as any;
    const cidrs = all.CenRouteEntries.CenRouteEntry.map((e: { DestinationCidrBlock: string }) => e.DestinationCidrBlock);
    expect(new Set(cidrs).size).toBe(cidrs.length);
  });

  it('refuses bad bodies with a clear message and changes nothing', async () => {
    const app = emulator({ control: true });
    const before = await regionTotal(app);
    const cases: [unknown, number, RegExp][] = [
      ['not json', 400, /JSON object/],
      [[1], 400, /JSON object/],
      [{ ChildInstanceId: SEED.vpcHangzhou }, 400, /count must be a whole number from 1 to 10000/],
      [{ ChildInstanceId: SEED.vpcHangzhou, count: 0 }, 400, /count must be/],
      [{ ChildInstanceId: SEED.vpcHangzhou, count: 1.5 }, 400, /count must be/],
      [{ ChildInstanceId: SEED.vpcHangzhou, count: MAX_SYNTHETIC_ROUTES + 1 }, 400, /count must be/],
      [{ count: 5 }, 400, /ChildInstanceId, or CenId and RegionId, are required/],
      [{ ChildInstanceId: SEED.vpcHangzhou, CenId: SEED.cenId, count: 5 }, 400, /cannot be combined/],
      [{ ChildInstanceId: SEED.vpcHangzhou, count: 5, Extra: 1 }, 400, /unknown parameter Extra/],
      [{ ChildInstanceId: 'vpc-nosuchthing', count: 5 }, 404, /No network vpc-nosuchthing/],
      [{ CenId: SEED.cenId, RegionId: 'eu-central-1', count: 5 }, 404, /No network in eu-central-1 is attached/],
    ];
    for (const [body, status, message] of cases) {
      const r = await post(app, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(((await r.json()) as { Message: string }).Message).toMatch(message);
    }
    expect((await app.request(`${base}/routes`)).status).toBe(405);
    expect(await regionTotal(app)).toBe(before);
  });

  it('is not there unless control is on', async () => {
    const app = emulator();
    const r = await post(app, { ChildInstanceId: SEED.vpcHangzhou, count: 5 });
    expect(((await r.json()) as { Code: string }).Code).toBe('MissingParameter');
  });
});
