import { expect } from '@open-wc/testing';
import { emptyEdits, evaluatePlan, pairKey, type PlanState } from './bandwidth-plan.js';
import { fnv1a, newPlanKey, planSteps } from './plan-steps.js';

const CenId = 'cen-steps';
const state: PlanState = {
  CenId,
  regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'us-west-1', 'eu-central-1'],
  packages: [
    { CenBandwidthPackageId: 'cenbwp-cn', Bandwidth: 10, Status: 'InUse', GeographicRegionAId: 'china', GeographicRegionBId: 'china', CenIds: [CenId] },
    { CenBandwidthPackageId: 'cenbwp-na', Bandwidth: 20, Status: 'InUse', GeographicRegionAId: 'north-america', GeographicRegionBId: 'china', CenIds: [CenId] },
  ],
  limits: [
    { LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'cn-shanghai', BandwidthLimit: 8, Status: 'Active' },
    { LocalRegionId: 'us-west-1', OppositeRegionId: 'cn-hangzhou', BandwidthLimit: 15, Status: 'Active' },
  ],
};

describe('planSteps', () => {
  const edits = emptyEdits();
  edits.purchases['europe_china'] = { Bandwidth: 5, PricingCycle: 'Month', Period: 1 };
  edits.limits[pairKey('cn-hangzhou', 'eu-central-1')] = 5; // new, on the package being bought
  edits.limits[pairKey('cn-hangzhou', 'cn-shanghai')] = 4; // lower
  edits.limits[pairKey('cn-beijing', 'cn-shanghai')] = 12; // raise, needs the china package grown
  edits.limits[pairKey('cn-hangzhou', 'us-west-1')] = 0; // remove
  edits.resizes['cenbwp-cn'] = 16; // grow
  edits.resizes['cenbwp-na'] = 2; // shrink (after the limit on it is removed)

  it('orders buy, associate, grow, lower, raise, shrink', () => {
    const ev = evaluatePlan(state, edits);
    expect(ev.valid, JSON.stringify([...ev.pairs.values()].map((p) => p.issues).flat())).to.equal(true);
    const steps = planSteps(ev, { CenId, planKey: 'cenkit-test', attempt: 1 });
    expect(steps.map((s) => s.kind)).to.deep.equal(['buy', 'associate', 'grow', 'lower', 'lower', 'raise', 'raise', 'shrink']);
    const buy = steps[0]!;
    expect(buy.kind === 'buy' && buy.params).to.deep.equal({
      Bandwidth: 5,
      GeographicRegionAId: 'Europe',
      GeographicRegionBId: 'China',
      BandwidthPackageChargeType: 'PREPAY',
      PricingCycle: 'Month',
      Period: 1,
      AutoPay: true,
    });
    const lowers = steps.filter((s) => s.kind === 'lower').map((s) => s.kind === 'lower' && [s.LocalRegionId, s.OppositeRegionId, s.to]);
    // An existing limit keeps its own orientation.
    expect(lowers).to.deep.include(['us-west-1', 'cn-hangzhou', 0]);
    expect(lowers).to.deep.include(['cn-hangzhou', 'cn-shanghai', 4]);
  });

  it('gives a purchase the same Idempotency-Key on every attempt, other writes a new one', () => {
    const ev = evaluatePlan(state, edits);
    const a = planSteps(ev, { CenId, planKey: 'cenkit-test', attempt: 1 });
    const b = planSteps(ev, { CenId, planKey: 'cenkit-test', attempt: 2 });
    expect(a[0]!.idempotencyKey).to.equal(b[0]!.idempotencyKey);
    for (let i = 1; i < a.length; i++) expect(a[i]!.idempotencyKey).not.to.equal(b[i]!.idempotencyKey);
    const keys = a.map((s) => s.idempotencyKey);
    expect(new Set(keys).size).to.equal(keys.length);
    for (const k of keys) expect(k).to.match(/^[\x21-\x7e]{1,64}$/);
    // A different plan key (a new plan) buys anew.
    expect(planSteps(ev, { CenId, planKey: 'cenkit-other', attempt: 1 })[0]!.idempotencyKey).not.to.equal(a[0]!.idempotencyKey);
  });

  it('makes short random plan keys and stable digests', () => {
    expect(newPlanKey()).to.match(/^cenkit-[0-9a-z]{16}$/);
    expect(newPlanKey()).not.to.equal(newPlanKey());
    expect(fnv1a('hello')).to.equal('4f9f2cab');
  });
});

describe('planSteps with an idle package', () => {
  it('associates it, then sets the limit', () => {
    const s: PlanState = {
      CenId,
      regions: ['cn-hangzhou', 'us-west-1'],
      packages: [],
      limits: [],
      idlePackages: [{ CenBandwidthPackageId: 'cenbwp-idle', Bandwidth: 10, Status: 'Idle', GeographicRegionAId: 'north-america', GeographicRegionBId: 'china', CenIds: [] }],
    };
    const edits = emptyEdits();
    edits.associations = { 'north-america_china': 'cenbwp-idle' };
    edits.limits[pairKey('cn-hangzhou', 'us-west-1')] = 10;
    const steps = planSteps(evaluatePlan(s, edits), { CenId, planKey: 'cenkit-test', attempt: 1 });
    expect(steps.map((x) => x.kind)).to.deep.equal(['associate', 'raise']);
    expect(steps[0]!.kind === 'associate' && steps[0]!.CenBandwidthPackageId).to.equal('cenbwp-idle');
  });
});
