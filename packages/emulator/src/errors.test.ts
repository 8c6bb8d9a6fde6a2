/**
 * Every error code the emulator implements, each produced in the situation
 * that causes it, with its Code, HTTP status and error body.
 */
import { ERROR_CODES } from '@cen-kit/catalog';
import type { Hono } from 'hono';
import type { FaultConfig } from './faults.js';
import { describe, expect, it } from 'vitest';
import { IMPLEMENTED_ERROR_CODES } from './errors.js';
import { A, B, call, emulator, ok, type CallOptions } from './test-helpers.js';
import { SEED } from './world/seed.js';

type Obj = Record<string, any>;

interface Case {
  code: string;
  why: string;
  /** Optional setup on a fresh seeded app; the last call must fail with `code`. */
  run: (app: Hono, t: { advance: (ms: number) => void; at: () => number }) => Promise<{ status: number; body: Obj }>;
  /** Build the app with a transition delay and a controllable clock. */
  delayed?: boolean;
  /** Words the message must contain. */
  message?: RegExp;
  faults?: FaultConfig;
}

const attachArgs = (CenId: string, id: string, region: string, type = 'VPC', extra: Obj = {}) => ({
  CenId,
  ChildInstanceId: id,
  ChildInstanceType: type,
  ChildInstanceRegionId: region,
  ...extra,
});

const c = (app: Hono, Action: string, params: Obj = {}, o: CallOptions = {}) => call(app, Action, params, o);

const CASES: Case[] = [
  // gateway
  { code: 'MissingParameter', why: 'a common parameter is missing', run: (app) => c(app, 'DescribeCens', {}, { tamper: (p) => delete p.SignatureNonce }), message: /SignatureNonce/ },
  { code: 'MissingParameter', why: 'a required action parameter is missing', run: (app) => c(app, 'DeleteCen', {}), message: /"CenId"/ },
  { code: 'MissingParameter', why: 'none of the alternatives of a cross-field rule is given', run: (app) => c(app, 'DescribeRouteTables', { RegionId: 'cn-hangzhou' }), message: /One of VRouterId, RouteTableId/ },
  { code: 'InvalidParameter', why: 'PageSize above the maximum', run: (app) => c(app, 'DescribeCens', { PageSize: 51 }), message: /PageSize.*50/ },
  { code: 'MissingParameter', why: 'a filter without values, named by its wire name', run: (app) => c(app, 'DescribeCens', { Filter: [{ Key: 'Name', Value: ['a'] }, { Key: 'CenId', Value: [] }] }), message: /"Filter\.2\.Value"/ },
  { code: 'InvalidParameter', why: 'six filter values, named by the wire name', run: (app) => c(app, 'DescribeCens', { Filter: [{ Key: 'Name', Value: ['a', 'b', 'c', 'd', 'e', 'f'] }] }), message: /Filter\.1\.Value .*at most 5/ },
  { code: 'InvalidParameter', why: 'PageNumber is not a number', run: (app) => c(app, 'DescribeCens', { PageNumber: 'first' }), message: /PageNumber/ },
  { code: 'MissingParameter', why: 'a required parameter is sent in the wrong case (ignored, as Alibaba ignores unknown names)', run: (app) => c(app, 'DeleteCen', { Cenid: 'cen-x' }), message: /"CenId".*"Cenid" was sent and ignored/ },
  { code: 'ParameterMustNotNull', why: 'a required parameter is sent empty', run: (app) => c(app, 'DeleteCen', { CenId: '' }), message: /"CenId" must not be empty/ },
  // the 2019 reference's codes for bad values of particular parameters
  { code: 'ParameterIllegal.ChildInstanceType', why: 'a network type in lower case', run: (app) => c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBeijing, 'cn-beijing', 'vpc')), message: /ChildInstanceType.*VPC, VBR, CCN/ },
  { code: 'ParameterIllegal.ChildInstanceId', why: 'a network ID of no known kind', run: (app) => c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, 'i-bp1notanetwork', 'cn-beijing')), message: /ChildInstanceId/ },
  { code: 'ParameterIllegal.ChildInstanceUid', why: 'an owner ID that is not an account ID', run: (app) => c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBGranted, 'cn-shanghai', 'VPC', { ChildInstanceOwnerId: 'partner' })), message: /ChildInstanceOwnerId/ },
  { code: 'ParameterIllegal.BandwidthLimit', why: 'a negative limit', run: (app) => c(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, ...SEED.limit, BandwidthLimit: -1 }), message: /BandwidthLimit/ },
  { code: 'ParameterIllegal.RegionId', why: 'a limit from a region to itself', run: (app) => c(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'cn-hangzhou', BandwidthLimit: 1 }), message: /OppositeRegionId/ },
  { code: 'ParameterIllegal.VbrInstanceId', why: 'a VBR ID that is a VPC ID', run: (app) => c(app, 'EnableCenVbrHealthCheck', { CenId: SEED.cenId, VbrInstanceId: SEED.vpcHangzhou, VbrInstanceRegionId: 'cn-hangzhou', HealthCheckTargetIp: '10.200.0.1' }), message: /VbrInstanceId/ },
  { code: 'ParameterIllegal.VbrInstanceRegionId', why: 'a VBR region that is not a region ID', run: (app) => c(app, 'DescribeCenVbrHealthCheck', { VbrInstanceRegionId: 'Hangzhou!' }), message: /VbrInstanceRegionId/ },
  { code: 'InstanceType.NotSupport', why: 'granting an instance type other than VPC or VBR', run: (app) => c(app, 'GrantInstanceToCen', { RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'ECS', CenId: SEED.cenId, CenOwnerId: A.accountId }, { account: B }), message: /InstanceType/ },
  { code: 'GeographicSpan.NotFound', why: 'a package between unknown areas', run: (app) => c(app, 'CreateCenBandwidthPackage', { Bandwidth: 5, GeographicRegionAId: 'Mars', GeographicRegionBId: 'China' }), message: /GeographicRegionAId.*Mars/ },
  { code: 'GeographicSpan.NotFound', why: 'the members of an unknown area', run: (app) => c(app, 'DescribeGeographicRegionMembership', { GeographicRegionId: 'atlantis' }), message: /atlantis/ },
  { code: 'InvalidAction.NotFound', why: 'an action that does not exist', run: (app) => c(app, 'DescribeNothing', {}, { Version: '2017-09-12' }) },
  { code: 'InvalidAction.NotFound', why: 'the Cbn DescribeGrantRulesToCen is out of scope', run: (app) => c(app, 'DescribeGrantRulesToCen', { CenId: SEED.cenId, ProductType: 'VPC' }, { Version: '2017-09-12' }) },
  { code: 'InvalidVersion', why: 'an unknown Version', run: (app) => c(app, 'DescribeCens', {}, { Version: '2014-05-26' }) },
  { code: 'InvalidAccessKeyId.NotFound', why: 'an unknown AccessKeyId', run: (app) => c(app, 'DescribeCens', {}, { account: { accountId: '1', accessKeyId: 'LTAI-nobody', accessKeySecret: 'x' } }) },
  {
    code: 'SignatureDoesNotMatch',
    why: 'a parameter changed after signing',
    run: (app) => c(app, 'CreateCen', { Name: 'a' }, { tamper: (p) => void (p.Name = 'b') }),
    message: /^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&AccessKeyId%3DLTAI-emulator-account-a/,
  },
  { code: 'SignatureDoesNotMatch', why: 'the wrong secret', run: (app) => c(app, 'DescribeCens', {}, { account: { ...A, accessKeySecret: 'wrong' } }) },
  {
    code: 'SignatureNonceUsed',
    why: 'a replayed request',
    run: async (app) => {
      const nonce = crypto.randomUUID();
      const fix = (p: Obj) => {
        p.SignatureNonce = nonce;
      };
      // Re-sign with the same nonce: both signatures are valid, the second nonce is a replay.
      const { signRequest, buildRequest } = await import('@cen-kit/rpc');
      const send = async () => {
        const signed = await signRequest({ method: 'GET', Action: 'DescribeCens', Version: '2017-09-12', params: {}, credentials: A, nonce: () => nonce });
        fix(signed);
        const res = await app.request(buildRequest('http://x/', 'GET', signed));
        return { status: res.status, body: (await res.json()) as Obj };
      };
      expect((await send()).status).toBe(200);
      return send();
    },
  },
  { code: 'InvalidTimeStamp.Expired', why: 'a Timestamp 16 minutes old', run: (app) => c(app, 'DescribeCens', {}, { at: Date.now() - 16 * 60_000 }), message: /16 minutes behind/ },
  { code: 'InvalidTimeStamp.Format', why: 'a Timestamp not in ISO form', run: (app) => c(app, 'DescribeCens', {}, { tamper: (p) => void (p.Timestamp = '2026/01/01 10:00') }) },
  { code: 'UnsupportedSignatureMethod', why: 'SignatureMethod HMAC-SHA256', run: (app) => c(app, 'DescribeCens', {}, { tamper: (p) => void (p.SignatureMethod = 'HMAC-SHA256') }) },
  // faults
  { code: 'Throttling.User', why: 'an injected throttling fault', run: (app) => c(app, 'DescribeCens', {}), faults: { failNext: [{ Action: 'DescribeCens', Code: 'Throttling.User', count: 1 }] } },
  { code: 'ServiceUnavailable', why: 'an injected 503', run: (app) => c(app, 'DescribeCens', {}), faults: { rate: 1, kinds: ['unavailable'] } },
  { code: 'InternalError', why: 'an injected 500', run: (app) => c(app, 'DescribeCens', {}), faults: { rate: 1, kinds: ['internal'] } },
  // parameters
  { code: 'InvalidName', why: 'a name starting with https://', run: (app) => c(app, 'CreateCen', { Name: 'https://cen' }), message: /http/ },
  { code: 'InvalidName', why: 'a bandwidth package name starting with a digit', run: (app) => c(app, 'CreateCenBandwidthPackage', { Bandwidth: 2, GeographicRegionAId: 'China', GeographicRegionBId: 'China', Name: '1pkg' }) },
  { code: 'InvalidDescription', why: 'a description longer than 256', run: (app) => c(app, 'CreateCen', { Description: 'x'.repeat(257) }), message: /256/ },
  { code: 'FilterKey.NotSupport', why: 'filtering CENs by Status', run: (app) => c(app, 'DescribeCens', { Filter: [{ Key: 'Status', Value: ['Active'] }] }), message: /Filter\.1\.Key/ },
  {
    code: 'IdempotenceParam.NotMatch',
    why: 'the same ClientToken with other parameters',
    run: async (app) => {
      await ok(app, 'CreateCen', { Name: 'one', ClientToken: 'tok-1' });
      return c(app, 'CreateCen', { Name: 'two', ClientToken: 'tok-1' });
    },
  },
  { code: 'ParameterIllegal.ChildInstanceType', why: 'a vpc- ID attached as a VBR', run: (app) => c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBeijing, 'cn-beijing', 'VBR')) },
  { code: 'ParameterIllegal.ChildInstanceRegionId', why: 'a region CEN does not know', run: (app) => c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBeijing, 'xx-nowhere-1')) },
  { code: 'ParameterIllegal.RegionId', why: 'a limit to an unknown region', run: (app) => c(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'xx-nowhere-1', BandwidthLimit: 1 }) },
  // not found
  { code: 'ParameterCenInstanceId', why: 'a CEN that does not exist', run: (app) => c(app, 'DescribeCenAttachedChildInstances', { CenId: 'cen-doesnotexist000000' }) },
  { code: 'ParameterCenInstanceId', why: "another account's CEN", run: (app) => c(app, 'DeleteCen', { CenId: SEED.cenId }, { account: B }) },
  { code: 'ParameterBwpInstanceId', why: 'a package that does not exist', run: (app) => c(app, 'DeleteCenBandwidthPackage', { CenBandwidthPackageId: 'cenbwp-doesnotexist00' }) },
  { code: 'ParameterInstanceId', why: 'a VPC that does not exist', run: (app) => c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, 'vpc-doesnotexist000000', 'cn-beijing')) },
  { code: 'ParameterInstanceId', why: 'a VPC in another region than named', run: (app) => c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBeijing, 'cn-shanghai')) },
  {
    code: 'InvalidInstanceId.NotFound',
    why: "granting another account's VPC",
    run: (app) => c(app, 'GrantInstanceToCen', { RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'VPC', CenId: SEED.cenId, CenOwnerId: A.accountId }),
  },
  {
    code: 'InvalidOperation.NotFoundRoute',
    why: 'publishing a route the table does not have',
    run: (app) =>
      c(app, 'PublishRouteEntries', { ...attachArgs(SEED.cenId, SEED.vpcHangzhou, 'cn-hangzhou'), ChildInstanceRouteTableId: SEED.routeTableHangzhou, DestinationCidrBlock: '10.99.0.0/16' }),
  },
  // conflicts
  {
    code: 'InvalidOperation.BwpBusinessStatus',
    why: 'associating a subscription package that expired without renewal',
    delayed: true,
    run: async (app, t) => {
      const { CenBandwidthPackageId } = (await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: 5, GeographicRegionAId: 'China', GeographicRegionBId: 'Europe', Period: 1 }, { at: t.at() })) as Obj;
      t.advance(32 * 86_400_000);
      return c(app, 'AssociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId }, { at: t.at() });
    },
    message: /expired.*FinancialLocked/,
  },
  {
    code: 'Operation.Blocking',
    why: 'attaching while another attachment on the CEN is still Attaching',
    delayed: true,
    run: async (app, t) => {
      await ok(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBeijing, 'cn-beijing'), { at: t.at() });
      return c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBeijing2, 'cn-beijing'), { at: t.at() });
    },
  },
  {
    code: 'Operation.Blocking',
    why: 'setting a limit that is still Modifying',
    delayed: true,
    run: async (app, t) => {
      await ok(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'ap-southeast-1', BandwidthLimit: 12 }, { at: t.at() });
      return c(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, LocalRegionId: 'ap-southeast-1', OppositeRegionId: 'cn-hangzhou', BandwidthLimit: 8 }, { at: t.at() });
    },
  },
  {
    code: 'InvalidOperation.CenInstanceStatus',
    why: 'attaching to a CEN that is still Creating',
    delayed: true,
    run: async (app, t) => {
      const { CenId } = (await ok(app, 'CreateCen', {}, { at: t.at() })) as Obj;
      return c(app, 'AttachCenChildInstance', attachArgs(CenId, SEED.vpcBeijing, 'cn-beijing'), { at: t.at() });
    },
  },
  {
    code: 'InvalidOperation.ChildInstanceStatus',
    why: 'detaching a network that is still Attaching',
    delayed: true,
    run: async (app, t) => {
      await ok(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBeijing, 'cn-beijing'), { at: t.at() });
      return c(app, 'DetachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcBeijing, 'cn-beijing'), { at: t.at() });
    },
  },
  {
    code: 'InvalidOperation.BwpInstanceStatus',
    why: 'changing the spec of a package while a spec change is in flight',
    delayed: true,
    run: async (app, t) => {
      await ok(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: SEED.idlePackageId, Bandwidth: 20 }, { at: t.at() });
      return c(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: SEED.idlePackageId, Bandwidth: 30 }, { at: t.at() });
    },
  },
  {
    code: 'InvalidOperation.ChildInstanceAlreadyAttached',
    why: 'attaching a VPC that is on another CEN',
    run: async (app) => {
      const { CenId } = (await ok(app, 'CreateCen', {})) as Obj;
      return c(app, 'AttachCenChildInstance', attachArgs(CenId, SEED.vpcHangzhou, 'cn-hangzhou'));
    },
  },
  { code: 'InvalidOperation.AttachedChildInstanceExist', why: 'deleting a CEN with attached networks', run: (app) => c(app, 'DeleteCen', { CenId: SEED.cenId }) },
  {
    code: 'InvalidOperation.NoGrantRule',
    why: "attaching another account's VPC without its grant",
    run: (app) => c(app, 'AttachCenChildInstance', attachArgs(SEED.cenId, SEED.vpcB, 'cn-hangzhou', 'VPC', { ChildInstanceOwnerId: B.accountId })),
  },
  {
    code: 'InvalidOperation.BwpAlreadyAssociated',
    why: 'a second package for the same area pair on one CEN',
    run: async (app) => {
      const { CenBandwidthPackageId } = (await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: 2, GeographicRegionAId: 'Asia-Pacific', GeographicRegionBId: 'China' })) as Obj;
      return c(app, 'AssociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId });
    },
  },
  { code: 'InvalidOperation.BwpAssociated', why: 'deleting an associated package', run: (app) => c(app, 'DeleteCenBandwidthPackage', { CenBandwidthPackageId: SEED.packageId }) },
  {
    code: 'InvalidOperation.BwpNotAssociated',
    why: 'a limit on an area pair without a package',
    run: (app) => c(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'cn-shanghai', BandwidthLimit: 1 }),
  },
  {
    code: 'InvalidOperation.BwpBandwidthExceeded',
    why: 'limits on a span above its package',
    run: (app) => c(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, LocalRegionId: 'cn-shanghai', OppositeRegionId: 'ap-southeast-1', BandwidthLimit: 11 }),
    message: /10 of 20/,
  },
  { code: 'InvalidOperation.BwpSpecTooSmall', why: 'shrinking a package below what is allocated', run: (app) => c(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: SEED.packageId, Bandwidth: 5 }) },
  { code: 'InvalidOperation.CenBandwidthLimitsNotZero', why: 'unassociating a package whose limits are set', run: (app) => c(app, 'UnassociateCenBandwidthPackage', { CenId: SEED.cenId, CenBandwidthPackageId: SEED.packageId }) },
  {
    code: 'InvalidOperation.RegionNotAttached',
    why: 'a limit to a region without networks',
    run: (app) => c(app, 'SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'cn-hongkong', BandwidthLimit: 1 }),
    message: /cn-hongkong/,
  },
  {
    code: 'InvalidOperation.VbrNotAttachedToCen',
    why: 'a health check for a VBR not on the CEN',
    run: async (app) => {
      const { CenId } = (await ok(app, 'CreateCen', {})) as Obj;
      return c(app, 'EnableCenVbrHealthCheck', { CenId, VbrInstanceId: SEED.vbrHangzhou, VbrInstanceRegionId: 'cn-hangzhou', HealthCheckTargetIp: '10.200.0.1' });
    },
  },
  {
    code: 'InvalidOperation.VbrCenAttachmentStatus',
    why: 'a health check for a VBR that is Detaching',
    delayed: true,
    run: async (app, t) => {
      await ok(app, 'DetachCenChildInstance', attachArgs(SEED.cenId, SEED.vbrHangzhou, 'cn-hangzhou', 'VBR'), { at: t.at() });
      return c(app, 'EnableCenVbrHealthCheck', { CenId: SEED.cenId, VbrInstanceId: SEED.vbrHangzhou, VbrInstanceRegionId: 'cn-hangzhou', HealthCheckTargetIp: '10.200.0.9' }, { at: t.at() });
    },
  },
  {
    code: 'InvalidOperation.RouteNotPublishable',
    why: 'withdrawing a System route',
    run: (app) =>
      c(app, 'WithdrawPublishedRouteEntries', { ...attachArgs(SEED.cenId, SEED.vpcHangzhou, 'cn-hangzhou'), ChildInstanceRouteTableId: SEED.routeTableHangzhou, DestinationCidrBlock: '192.168.2.0/24' }),
  },
];

describe('error codes', () => {
  it.each(CASES.map((k) => [k.code, k.why, k] as const))('%s when %s', async (code, _why, k) => {
    let clock = Date.now();
    const app = emulator({
      ...(k.delayed ? { delayMs: 5000, now: () => clock } : {}),
      faults: k.faults,
    });
    const r = await k.run(app, { advance: (ms) => void (clock += ms), at: () => clock });
    expect(r.body.Code).toBe(code);
    expect(r.status).toBe(ERROR_CODES[code as keyof typeof ERROR_CODES].status);
    expect(r.body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(r.body.HostId).toMatch(/^(cbn|vpc)\.aliyuncs\.com$/);
    expect(r.body.Recommend).toContain(`q=${code}`);
    if (k.message) expect(r.body.Message).toMatch(k.message);
  });

  it('covers every implemented code, and every implemented code is a catalogue code', () => {
    const produced = new Set(CASES.map((k) => k.code));
    expect([...IMPLEMENTED_ERROR_CODES].filter((code) => !produced.has(code))).toEqual([]);
    expect([...produced].filter((code) => !(IMPLEMENTED_ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
    for (const code of IMPLEMENTED_ERROR_CODES) expect(ERROR_CODES).toHaveProperty([code]);
  });

  it('answers VPC actions with the VPC HostId', async () => {
    const r = await call(emulator(), 'DescribeGrantRulesToCen', { RegionId: 'cn-hangzhou', InstanceId: 'vpc-nothere000', InstanceType: 'VPC' });
    expect([r.body.Code, r.body.HostId]).toEqual(['InvalidInstanceId.NotFound', 'vpc.aliyuncs.com']);
  });

  it('changes nothing when a call fails', async () => {
    const app = emulator();
    const before = await ok(app, 'DescribeCenBandwidthPackages', { PageSize: 50 });
    await call(app, 'ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: SEED.packageId, Bandwidth: 5 });
    const after = await ok(app, 'DescribeCenBandwidthPackages', { PageSize: 50 });
    const strip = (b: Obj) => ({ ...b, RequestId: '' });
    expect(strip(after)).toEqual(strip(before));
  });
});
