import { expect } from '@open-wc/testing';
import { emptyEdits, evaluatePlan, expiresSoon, limitsOnPackage, pairKey, spanOfPackage, type PackageInfo, type PlanState } from './bandwidth-plan.js';

const CenId = 'cen-test';
const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';
const BJ = 'cn-beijing';
const SV = 'us-west-1';

const china = (Bandwidth: number, id = 'cenbwp-cn'): PackageInfo => ({
  CenBandwidthPackageId: id,
  Bandwidth,
  Status: 'InUse',
  GeographicRegionAId: 'china',
  GeographicRegionBId: 'china',
  CenIds: [CenId],
});

const state = (over: Partial<PlanState> = {}): PlanState => ({ CenId, packages: [], regions: [HZ, SV], limits: [], ...over });

describe('evaluatePlan', () => {
  it('lists every pair of attached regions under its area pair', () => {
    const ev = evaluatePlan(state({ regions: [HZ, SH, SV] }), emptyEdits());
    expect([...ev.pairs.keys()]).to.deep.equal([pairKey(HZ, SH), pairKey(HZ, SV), pairKey(SH, SV)]);
    expect(ev.spans.map((s) => [s.span, s.pairs.length])).to.deep.equal([
      ['china_china', 1],
      ['north-america_china', 2],
    ]);
    expect(ev.dirty).to.equal(false);
    expect(ev.valid).to.equal(false);
  });

  it('catches a limit on an area pair without a package', () => {
    const edits = emptyEdits();
    edits.limits[pairKey(HZ, SV)] = 10;
    const ev = evaluatePlan(state(), edits);
    expect(ev.pairs.get(pairKey(HZ, SV))!.issues).to.deep.equal([{ code: 'noPackage', span: 'north-america_china' }]);
    expect(ev.spans[0]!.issues).to.deep.equal([{ code: 'noPackage' }]);
    expect(ev.valid).to.equal(false);
  });

  it('accepts it once a purchase for the area pair is planned', () => {
    const edits = emptyEdits();
    edits.limits[pairKey(HZ, SV)] = 10;
    edits.purchases['north-america_china'] = { Bandwidth: 10, PricingCycle: 'Month', Period: 1 };
    const ev = evaluatePlan(state(), edits);
    expect(ev.pairs.get(pairKey(HZ, SV))!.issues).to.deep.equal([]);
    expect(ev.spans[0]).to.include({ capacity: 10, allocatedPlanned: 10, remaining: 0 });
    expect(ev.valid).to.equal(true);
  });

  it('catches over-allocation on an area pair and says by how much', () => {
    const s = state({
      regions: [HZ, SH, BJ],
      packages: [china(10)],
      limits: [{ LocalRegionId: HZ, OppositeRegionId: SH, BandwidthLimit: 6, Status: 'Active', BandwidthPackageId: 'cenbwp-cn' }],
    });
    const edits = emptyEdits();
    edits.limits[pairKey(SH, BJ)] = 5;
    const ev = evaluatePlan(s, edits);
    expect(ev.pairs.get(pairKey(BJ, SH))!.issues).to.deep.equal([{ code: 'overAllocated', span: 'china_china', over: 1 }]);
    const span = ev.spans.find((x) => x.span === 'china_china')!;
    expect(span).to.include({ allocatedNow: 6, allocatedPlanned: 11, remaining: -1, needed: 11 });
    expect(ev.valid).to.equal(false);

    // Lowering the other pair in the same plan makes room.
    edits.limits[pairKey(HZ, SH)] = 5;
    const ev2 = evaluatePlan(s, edits);
    expect(ev2.valid).to.equal(true);
    expect(ev2.spans.find((x) => x.span === 'china_china')!.remaining).to.equal(0);

    // So does growing the package.
    delete edits.limits[pairKey(HZ, SH)];
    edits.resizes['cenbwp-cn'] = 11;
    expect(evaluatePlan(s, edits).valid).to.equal(true);
  });

  it("takes the server's remaining bandwidth as the word on what is allocated", () => {
    // The server says only 2 of 10 are free, though this CEN's limits sum to 6 (say another writer is mid-change).
    const s = state({
      regions: [HZ, SH, BJ],
      packages: [china(10)],
      limits: [{ LocalRegionId: HZ, OppositeRegionId: SH, BandwidthLimit: 6, Status: 'Active' }],
      remaining: { china_china: 2 },
    });
    const edits = emptyEdits();
    edits.limits[pairKey(SH, BJ)] = 3;
    const ev = evaluatePlan(s, edits);
    expect(ev.spans.find((x) => x.span === 'china_china')).to.include({ allocatedNow: 8, remaining: -1 });
    expect(ev.valid).to.equal(false);
    edits.limits[pairKey(SH, BJ)] = 2;
    expect(evaluatePlan(s, edits).valid).to.equal(true);
  });

  it('refuses a limit between regions without attached networks, and bad values', () => {
    const s = state({ regions: [HZ], packages: [china(10)] });
    const edits = emptyEdits();
    edits.limits[pairKey(HZ, BJ)] = 4;
    edits.limits[pairKey(HZ, SH)] = 1.5;
    const ev = evaluatePlan(s, edits);
    expect(ev.pairs.get(pairKey(HZ, BJ))!.issues).to.deep.equal([{ code: 'notAttached', regions: [BJ] }]);
    expect(ev.pairs.get(pairKey(HZ, SH))!.issues[0]).to.deep.equal({ code: 'value', message: 'must be a whole number of Mbit/s, 0 or more' });
    edits.limits[pairKey(HZ, SH)] = -1;
    expect(evaluatePlan(s, edits).pairs.get(pairKey(HZ, SH))!.issues[0]!.code).to.equal('value');
  });

  it('always accepts 0, which removes a limit, even where nothing else is right', () => {
    const s = state({
      regions: [],
      packages: [],
      limits: [{ LocalRegionId: SV, OppositeRegionId: HZ, BandwidthLimit: 7, Status: 'Active' }],
    });
    const edits = emptyEdits();
    edits.limits[pairKey(HZ, SV)] = 0;
    const ev = evaluatePlan(s, edits);
    const p = ev.pairs.get(pairKey(HZ, SV))!;
    expect(p).to.include({ current: 7, target: 0, changed: true, LocalRegionId: SV, OppositeRegionId: HZ });
    expect(p.issues).to.deep.equal([]);
    expect(ev.valid).to.equal(true);
  });

  it('checks purchases and resizes with the bandwidth and period rules', () => {
    const edits = emptyEdits();
    edits.limits[pairKey(HZ, SV)] = 1;
    edits.purchases['north-america_china'] = { Bandwidth: 1, PricingCycle: 'Month', Period: 4 };
    const ev = evaluatePlan(state(), edits);
    expect(ev.spans[0]!.issues.map((i) => i.code)).to.deep.equal(['bandwidth', 'period']);
    expect(ev.valid).to.equal(false);
  });

  it('flags shrinking a package below what its limits use', () => {
    const s = state({
      regions: [HZ, SH],
      packages: [china(10)],
      limits: [{ LocalRegionId: HZ, OppositeRegionId: SH, BandwidthLimit: 6, Status: 'Active' }],
    });
    const edits = emptyEdits();
    edits.resizes['cenbwp-cn'] = 5;
    const ev = evaluatePlan(s, edits);
    expect(ev.spans[0]!.issues).to.deep.equal([{ code: 'overAllocated', over: 1 }]);
    expect(ev.dirty).to.equal(true);
    expect(ev.valid).to.equal(false);
  });
});

describe('packages', () => {
  it('reads the area pair of a package in either case', () => {
    expect(spanOfPackage({ ...china(2), GeographicRegionAId: 'North-America', GeographicRegionBId: 'China' })).to.equal('north-america_china');
    expect(spanOfPackage({ ...china(2), GeographicRegionAId: 'china', GeographicRegionBId: 'north-america' })).to.equal('north-america_china');
  });

  it('finds the non-zero limits on a package', () => {
    const s = state({
      packages: [china(10)],
      limits: [
        { LocalRegionId: HZ, OppositeRegionId: SH, BandwidthLimit: 6, Status: 'Active', BandwidthPackageId: 'cenbwp-cn' },
        { LocalRegionId: HZ, OppositeRegionId: BJ, BandwidthLimit: 0, Status: 'Modifying', BandwidthPackageId: 'cenbwp-cn' },
        { LocalRegionId: HZ, OppositeRegionId: SV, BandwidthLimit: 3, Status: 'Active', BandwidthPackageId: 'cenbwp-na' },
      ],
    });
    expect(limitsOnPackage(s, china(10)).map((l) => l.OppositeRegionId)).to.deep.equal([SH]);
  });

  it('flags expiry within 7 days', () => {
    const now = Date.parse('2024-01-01T00:00Z');
    expect(expiresSoon('2024-01-07T23:00Z', now)).to.equal(true);
    expect(expiresSoon('2023-12-01T00:00Z', now)).to.equal(true);
    expect(expiresSoon('2024-01-09T00:00Z', now)).to.equal(false);
    expect(expiresSoon(undefined, now)).to.equal(false);
  });
});

describe('idle packages', () => {
  it('lets an idle package of the account stand in for a purchase', () => {
    const idle: PackageInfo = { CenBandwidthPackageId: 'cenbwp-idle', Bandwidth: 10, Status: 'Idle', GeographicRegionAId: 'north-america', GeographicRegionBId: 'china', CenIds: [] };
    const s = state({ idlePackages: [idle] });
    const edits = emptyEdits();
    edits.limits[pairKey(HZ, SV)] = 8;
    const before = evaluatePlan(s, edits);
    expect(before.spans[0]!.idle).to.deep.equal([idle]);
    expect(before.valid).to.equal(false);
    edits.associations = { 'north-america_china': 'cenbwp-idle' };
    edits.purchases['north-america_china'] = { Bandwidth: 50, PricingCycle: 'Month', Period: 1 };
    const ev = evaluatePlan(s, edits);
    // The association wins: no purchase, capacity from the idle package.
    expect(ev.spans[0]).to.include({ purchase: undefined, capacity: 10, remaining: 2 });
    expect(ev.valid).to.equal(true);
    edits.limits[pairKey(HZ, SV)] = 11;
    expect(evaluatePlan(s, edits).pairs.get(pairKey(HZ, SV))!.issues).to.deep.equal([{ code: 'overAllocated', span: 'north-america_china', over: 1 }]);
  });
});
