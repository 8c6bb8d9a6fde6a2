import { describe, expect, it } from 'vitest';
import { emulator, err, ok } from '../test-helpers.js';
import { SEED } from '../world/seed.js';

type Obj = Record<string, any>;

describe('CEN instances', () => {
  it('filter by Name and CenId (values OR-ed, keys AND-ed) and page', async () => {
    const app = emulator();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(((await ok(app, 'CreateCen', { Name: i % 2 ? 'odd' : 'even' })) as Obj).CenId);
    const page2 = (await ok(app, 'DescribeCens', { PageNumber: 2, PageSize: 5 })) as Obj;
    expect([page2.TotalCount, page2.PageNumber, page2.PageSize, page2.Cens.Cen.length]).toEqual([13, 2, 5, 5]);
    const odd = (await ok(app, 'DescribeCens', { Filter: [{ Key: 'Name', Value: ['odd'] }], PageSize: 50 })) as Obj;
    expect(odd.TotalCount).toBe(6);
    const two = (await ok(app, 'DescribeCens', { Filter: [{ Key: 'CenId', Value: [ids[0], ids[1]] }, { Key: 'Name', Value: ['odd', 'even'] }] })) as Obj;
    expect(two.Cens.Cen.map((c: Obj) => c.CenId).sort()).toEqual([ids[0], ids[1]].sort());
    const tagged = (await ok(app, 'DescribeCens', { Tag: [{ Key: 'env', Value: 'demo' }] })) as Obj;
    expect(tagged.Cens.Cen.map((c: Obj) => c.CenId)).toEqual([SEED.cenId]);
  });

  it('rename, and refuse a bad name or description without changing anything', async () => {
    const app = emulator();
    await ok(app, 'ModifyCenAttribute', { CenId: SEED.cenId, Name: 'new-name', Description: '' });
    expect((await err(app, 'ModifyCenAttribute', { CenId: SEED.cenId, Name: 'x'.repeat(129) })).Code).toBe('InvalidName');
    expect((await err(app, 'ModifyCenAttribute', { CenId: SEED.cenId, Description: 'https://x' })).Code).toBe('InvalidDescription');
    expect(((await ok(app, 'DescribeCens', {})) as Obj).Cens.Cen[0]).toMatchObject({ Name: 'new-name', Description: '' });
  });

  it('deleting a CEN with an associated package is refused until it is unassociated', async () => {
    const app = emulator();
    const { CenId } = (await ok(app, 'CreateCen', {})) as Obj;
    await ok(app, 'AssociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: SEED.idlePackageId });
    expect((await err(app, 'DeleteCen', { CenId })).Code).toBe('InvalidOperation.BwpAssociated');
    await ok(app, 'UnassociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: SEED.idlePackageId });
    await ok(app, 'DeleteCen', { CenId });
    expect((await err(app, 'DeleteCen', { CenId })).Code).toBe('ParameterCenInstanceId');
  });
});
