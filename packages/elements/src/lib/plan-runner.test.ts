/**
 * The runner's own logic (order, keys, waiting, partial failure) against a
 * small in-memory double of the API. The planner's acceptance tests drive the
 * real Worker on the emulator.
 */
import { expect } from '@open-wc/testing';
import { emptyEdits, evaluatePlan, pairKey, type PlanState } from './bandwidth-plan.js';
import { errorInfo, runPlan, type StepOutcome } from './plan-runner.js';
import { planSteps } from './plan-steps.js';

type Json = Record<string, any>;

/** Packages settle after two polls; limits after one. Records every call. */
function fakeApi(opts: { failOn?: string } = {}) {
  const calls: { action: string; params: Json; key: string | undefined }[] = [];
  const packages: Json[] = [];
  const limits: Json[] = [];
  let seq = 0;
  const call = async (action: string, params: Json, key?: string): Promise<Json> => {
    calls.push({ action, params, key });
    if (action === opts.failOn) throw { Code: 'InvalidOperation.BwpBandwidthExceeded', Message: 'too much', RequestId: 'REQ-FAIL' };
    const RequestId = `REQ-${++seq}`;
    switch (action) {
      case 'CreateCenBandwidthPackage': {
        const id = `cenbwp-${seq}`;
        packages.push({ CenBandwidthPackageId: id, Bandwidth: params.Bandwidth, Status: 'Creating', polls: 0, CenIds: { CenId: [] } });
        return { RequestId, CenBandwidthPackageId: id };
      }
      case 'AssociateCenBandwidthPackage': {
        const p = packages.find((x) => x.CenBandwidthPackageId === params.CenBandwidthPackageId)!;
        p.CenIds.CenId = [params.CenId];
        p.polls = 0;
        p.Status = 'Associating';
        return { RequestId };
      }
      case 'SetCenInterRegionBandwidthLimit': {
        const l = limits.find((x) => x.LocalRegionId === params.LocalRegionId && x.OppositeRegionId === params.OppositeRegionId);
        if (l) Object.assign(l, { BandwidthLimit: params.BandwidthLimit, Status: 'Modifying', polls: 0 });
        else limits.push({ ...params, Status: 'Modifying', polls: 0 });
        return { RequestId };
      }
      case 'DescribeCenBandwidthPackages': {
        const id = params.Filter[0].Value[0];
        const p = packages.find((x) => x.CenBandwidthPackageId === id);
        if (p && ++p.polls >= 2) p.Status = p.CenIds.CenId.length ? 'InUse' : 'Idle';
        return { RequestId, TotalCount: p ? 1 : 0, CenBandwidthPackages: { CenBandwidthPackage: p ? [p] : [] } };
      }
      case 'DescribeCenInterRegionBandwidthLimits': {
        for (const l of limits) if (++l.polls >= 1) l.Status = 'Active';
        const live = limits.filter((l) => !(l.Status === 'Active' && l.BandwidthLimit === 0));
        return { RequestId, TotalCount: live.length, CenInterRegionBandwidthLimits: { CenInterRegionBandwidthLimit: live } };
      }
    }
    throw new Error(`unexpected ${action}`);
  };
  return { call, calls, packages, limits };
}

const CenId = 'cen-run';
const state: PlanState = { CenId, regions: ['cn-hangzhou', 'us-west-1'], packages: [], limits: [] };
const edits = emptyEdits();
edits.purchases['north-america_china'] = { Bandwidth: 10, PricingCycle: 'Month', Period: 1 };
edits.limits[pairKey('cn-hangzhou', 'us-west-1')] = 10;
const fast = { sleep: async () => {}, pollIntervals: [0] };

describe('runPlan', () => {
  it('buys, associates the bought package, sets the limit, each with its key, waiting for each to settle', async () => {
    const api = fakeApi();
    const steps = planSteps(evaluatePlan(state, edits), { CenId, planKey: 'cenkit-run', attempt: 1 });
    const progress: string[] = [];
    const r = await runPlan(steps, { call: api.call, ...fast, onProgress: (i, o) => progress.push(`${i}:${o.phase}`) });
    expect(r.failed).to.equal(undefined);
    expect(r.applied.map((o) => [o.step.kind, o.phase])).to.deep.equal([
      ['buy', 'done'],
      ['associate', 'done'],
      ['raise', 'done'],
    ]);
    const writes = api.calls.filter((c) => !c.action.startsWith('Describe'));
    expect(writes.map((c) => c.action)).to.deep.equal(['CreateCenBandwidthPackage', 'AssociateCenBandwidthPackage', 'SetCenInterRegionBandwidthLimit']);
    expect(writes.map((c) => c.key)).to.deep.equal(steps.map((s) => s.idempotencyKey));
    expect(writes[1]!.params).to.deep.equal({ CenId, CenBandwidthPackageId: r.applied[0]!.CenBandwidthPackageId });
    // Each step waited: the package was polled until Idle, then until InUse.
    expect(api.packages[0]!.Status).to.equal('InUse');
    expect(api.limits[0]).to.include({ Status: 'Active', BandwidthLimit: 10 });
    expect(progress).to.deep.equal(['0:calling', '0:waiting', '0:done', '1:calling', '1:waiting', '1:done', '2:calling', '2:waiting', '2:done']);
  });

  it('stops at the first failure and says what was applied, what failed and why, and what was not run', async () => {
    const api = fakeApi({ failOn: 'AssociateCenBandwidthPackage' });
    const steps = planSteps(evaluatePlan(state, edits), { CenId, planKey: 'cenkit-run', attempt: 1 });
    const r = await runPlan(steps, { call: api.call, ...fast });
    expect(r.applied.map((o: StepOutcome) => o.step.kind)).to.deep.equal(['buy']);
    expect(r.failed?.step.kind).to.equal('associate');
    expect(r.failed?.error).to.deep.equal({ Code: 'InvalidOperation.BwpBandwidthExceeded', Message: 'too much', RequestId: 'REQ-FAIL' });
    expect(r.notRun.map((s) => s.kind)).to.deep.equal(['raise']);
    expect(api.calls.some((c) => c.action === 'SetCenInterRegionBandwidthLimit')).to.equal(false);
  });

  it('reports a change that never settles as a failure with the RequestId of the accepted call', async () => {
    const api = fakeApi();
    let t = 0;
    const steps = planSteps(evaluatePlan(state, edits), { CenId, planKey: 'cenkit-run', attempt: 1 });
    // Time runs fast and the package is never Idle.
    const call = async (a: string, p: Json, k?: string) => {
      const res = await api.call(a, p, k);
      if (a === 'DescribeCenBandwidthPackages') for (const x of res.CenBandwidthPackages.CenBandwidthPackage) x.Status = 'Creating';
      return res;
    };
    const r = await runPlan(steps, { call, sleep: async () => void (t += 1000), now: () => t, pollIntervals: [1000], settleTimeoutMs: 5000 });
    expect(r.failed?.step.kind).to.equal('buy');
    expect(r.failed?.error?.Code).to.equal('cen-kit.SettleTimeout');
    expect(r.failed?.RequestId).to.match(/^REQ-/);
    expect(r.applied).to.deep.equal([]);
  });
});

describe('errorInfo', () => {
  it('reads Code, Message and RequestId from errors of any shape', () => {
    expect(errorInfo({ Code: 'X', Message: 'y', RequestId: 'R' })).to.deep.equal({ Code: 'X', Message: 'y', RequestId: 'R' });
    expect(errorInfo({ body: { Code: 'X', Message: 'y' } })).to.deep.equal({ Code: 'X', Message: 'y' });
    expect(errorInfo(new TypeError('boom'))).to.deep.equal({ Code: 'TypeError', Message: 'boom' });
  });
});
