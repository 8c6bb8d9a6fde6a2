/**
 * The demo world: two accounts with VPCs and VBRs in seven regions across four
 * areas; account A's CEN connecting networks in the Chinese mainland and Asia
 * Pacific with an associated package and a limit; two attached VPCs offering
 * the same CIDR (a visible route conflict); a VBR with a health check; and
 * account B's VPCs, one granted to A's CEN and one not.
 */
import { TEST_ACCOUNTS } from '../accounts.js';
import { addMonths } from '../time.js';
import type { Network, RouteEntry, World } from './types.js';
import { emptyWorld } from './types.js';

const A = TEST_ACCOUNTS[0].accountId;
const B = TEST_ACCOUNTS[1].accountId;

/** IDs of the seeded resources, for tests and docs. */
export const SEED = {
  accountA: A,
  accountB: B,
  cenId: 'cen-7qthudw0ll6jmcdemo1',
  /** Account A, cn-hangzhou, attached. Has an unpublished Custom route. */
  vpcHangzhou: 'vpc-bp1a7g0sxgxq1lqedemo',
  routeTableHangzhou: 'vtb-bp1cjmxhgzcl8vqdemo',
  customRouteHangzhou: '10.100.0.0/16',
  /** Account A, cn-shanghai, attached; its VSwitch CIDR equals one of vpcHangzhou's (a route conflict). */
  vpcShanghai: 'vpc-uf6d4ivr9o8vrkdemo2',
  routeTableShanghai: 'vtb-uf6kq0jt7ycqz1demo2',
  conflictingCidr: '192.168.1.0/24',
  /** Account A, ap-southeast-1, attached. */
  vpcSingapore: 'vpc-t4nwz1yyhk3tdydemo3',
  /** Account A, not attached. */
  vpcBeijing: 'vpc-2zeq0z5f4dqhkudemo4',
  /** A second account-A VPC in cn-beijing, for the same-region scenario. */
  vpcBeijing2: 'vpc-2zeh3kxw7m1yqudemo8',
  vpcHongkong: 'vpc-j6c3vdppc5zr9fdemo5',
  vpcSiliconValley: 'vpc-rj9gt5nll27onudemo6',
  vpcFrankfurt: 'vpc-gw8m7tz7cxqbdrdemo7',
  /** Account A, cn-hangzhou, attached, with a health check. */
  vbrHangzhou: 'vbr-bp1jcg5cmxjbl9xdemo',
  routeTableVbr: 'vtb-bp1vbr8cmxjbl9xdemo',
  /** Account B, cn-hangzhou, not granted: for the cross-account scenario. */
  vpcB: 'vpc-bp15zckdt37pq72demob',
  /** Account B, cn-shanghai, already granted to cenId (not attached). */
  vpcBGranted: 'vpc-uf68rbkx3rwzpqdemob2',
  /** china ↔ asia-pacific, 20 Mbit/s, associated with cenId. */
  packageId: 'cenbwp-4c2zaavbvh5fxdemo',
  packageBandwidth: 20,
  /** north-america ↔ china, 10 Mbit/s, Idle. */
  idlePackageId: 'cenbwp-8v2uywrvwqp3fdemo',
  /** The limit between cn-hangzhou and ap-southeast-1. */
  limit: { LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'ap-southeast-1', BandwidthLimit: 10 },
} as const;

const DAY = 86_400_000;

function system(cidr: string): RouteEntry {
  return { DestinationCidrBlock: cidr, RouteType: 'System', NextHopType: 'local', NextHopId: '', published: true };
}

interface VpcSeed {
  id: string;
  owner: string;
  RegionId: string;
  zone: string;
  name: string;
  CidrBlock: string;
  vSwitchCidrs: string[];
  RouteTableId?: string;
  custom?: RouteEntry[];
}

function vpc(s: VpcSeed, createdAt: number): Network {
  const suffix = s.id.slice(4);
  const vSwitches = s.vSwitchCidrs.map((CidrBlock, i) => ({ VSwitchId: `vsw-${suffix.slice(0, 16)}${i}`, CidrBlock, ZoneId: s.zone }));
  return {
    id: s.id,
    type: 'VPC',
    owner: s.owner,
    RegionId: s.RegionId,
    name: s.name,
    CidrBlock: s.CidrBlock,
    RouteTableId: s.RouteTableId ?? `vtb-${suffix}`,
    VRouterId: `vrt-${suffix}`,
    vSwitches,
    // One System route per VSwitch CIDR: these are what CEN learns from a VPC by default.
    routes: [...s.vSwitchCidrs.map(system), ...(s.custom ?? [])],
    createdAt,
  };
}

/**
 * A fresh demo world, its times relative to `now`.
 *
 * @example
 * ```ts
 * const app = createEmulator({ store: new MemoryStore(), seed: seedWorld });
 * ```
 */
export function seedWorld(now: number): World {
  const w = emptyWorld(now);
  const t0 = now - 30 * DAY;
  w.networks.push(
    vpc(
      {
        id: SEED.vpcHangzhou,
        owner: A,
        RegionId: 'cn-hangzhou',
        zone: 'cn-hangzhou-h',
        name: 'prod-hangzhou',
        CidrBlock: '192.168.0.0/16',
        vSwitchCidrs: ['192.168.1.0/24', '192.168.2.0/24'],
        RouteTableId: SEED.routeTableHangzhou,
        custom: [
          { DestinationCidrBlock: SEED.customRouteHangzhou, RouteType: 'Custom', NextHopType: 'Instance', NextHopId: 'i-bp1emulatorgateway01', published: false },
        ],
      },
      t0,
    ),
    vpc(
      {
        id: SEED.vpcShanghai,
        owner: A,
        RegionId: 'cn-shanghai',
        zone: 'cn-shanghai-b',
        name: 'staging-shanghai',
        CidrBlock: '192.168.0.0/16',
        vSwitchCidrs: [SEED.conflictingCidr, '192.168.20.0/24'],
        RouteTableId: SEED.routeTableShanghai,
      },
      t0 + 1000,
    ),
    vpc({ id: SEED.vpcSingapore, owner: A, RegionId: 'ap-southeast-1', zone: 'ap-southeast-1a', name: 'apac-singapore', CidrBlock: '10.10.0.0/16', vSwitchCidrs: ['10.10.1.0/24'] }, t0 + 2000),
    vpc({ id: SEED.vpcBeijing, owner: A, RegionId: 'cn-beijing', zone: 'cn-beijing-k', name: 'analytics-beijing', CidrBlock: '172.16.0.0/16', vSwitchCidrs: ['172.16.1.0/24'] }, t0 + 3000),
    vpc({ id: SEED.vpcBeijing2, owner: A, RegionId: 'cn-beijing', zone: 'cn-beijing-h', name: 'ml-beijing', CidrBlock: '172.17.0.0/16', vSwitchCidrs: ['172.17.1.0/24'] }, t0 + 3500),
    vpc({ id: SEED.vpcHongkong, owner: A, RegionId: 'cn-hongkong', zone: 'cn-hongkong-b', name: 'edge-hongkong', CidrBlock: '10.20.0.0/16', vSwitchCidrs: ['10.20.1.0/24'] }, t0 + 4000),
    vpc({ id: SEED.vpcSiliconValley, owner: A, RegionId: 'us-west-1', zone: 'us-west-1a', name: 'web-siliconvalley', CidrBlock: '10.30.0.0/16', vSwitchCidrs: ['10.30.1.0/24'] }, t0 + 5000),
    vpc({ id: SEED.vpcFrankfurt, owner: A, RegionId: 'eu-central-1', zone: 'eu-central-1a', name: 'eu-frankfurt', CidrBlock: '10.40.0.0/16', vSwitchCidrs: ['10.40.1.0/24'] }, t0 + 6000),
    vpc({ id: SEED.vpcB, owner: B, RegionId: 'cn-hangzhou', zone: 'cn-hangzhou-i', name: 'partner-hangzhou', CidrBlock: '172.20.0.0/16', vSwitchCidrs: ['172.20.1.0/24'] }, t0 + 7000),
    vpc({ id: SEED.vpcBGranted, owner: B, RegionId: 'cn-shanghai', zone: 'cn-shanghai-e', name: 'partner-shanghai', CidrBlock: '172.21.0.0/16', vSwitchCidrs: ['172.21.1.0/24'] }, t0 + 8000),
    {
      id: SEED.vbrHangzhou,
      type: 'VBR',
      owner: A,
      RegionId: 'cn-hangzhou',
      name: 'idc-hangzhou',
      CidrBlock: '10.200.0.0/16',
      RouteTableId: SEED.routeTableVbr,
      VRouterId: SEED.vbrHangzhou,
      vSwitches: [],
      // The data-centre prefix the VBR learned over BGP, published to CEN.
      routes: [{ DestinationCidrBlock: '10.200.0.0/16', RouteType: 'Custom', NextHopType: 'PhysicalConnection', NextHopId: 'pc-bp1emulatorline01', published: true }],
      createdAt: t0 + 9000,
    },
  );

  w.cens.push({
    CenId: SEED.cenId,
    owner: A,
    Name: 'demo-cen',
    Description: 'Seeded CEN connecting Hangzhou, Shanghai, Singapore and an IDC',
    ProtectionLevel: 'REDUCED',
    ResourceGroupId: 'rg-acfmemulator0001',
    Tags: [{ Key: 'env', Value: 'demo' }],
    createdAt: t0 + DAY,
    readyAt: t0 + DAY,
  });

  const attach = (id: string, type: 'VPC' | 'VBR', RegionId: string, at: number) =>
    w.attachments.push({ CenId: SEED.cenId, ChildInstanceId: id, ChildInstanceType: type, ChildInstanceRegionId: RegionId, ChildInstanceOwnerId: A, attachedAt: at, readyAt: at });
  attach(SEED.vpcHangzhou, 'VPC', 'cn-hangzhou', t0 + 2 * DAY);
  attach(SEED.vpcShanghai, 'VPC', 'cn-shanghai', t0 + 3 * DAY);
  attach(SEED.vpcSingapore, 'VPC', 'ap-southeast-1', t0 + 4 * DAY);
  attach(SEED.vbrHangzhou, 'VBR', 'cn-hangzhou', t0 + 5 * DAY);

  w.grants.push({ InstanceId: SEED.vpcBGranted, InstanceType: 'VPC', RegionId: 'cn-shanghai', owner: B, CenId: SEED.cenId, CenOwnerId: A, createdAt: t0 + 6 * DAY });

  w.packages.push(
    {
      CenBandwidthPackageId: SEED.packageId,
      owner: A,
      Name: 'china-apac',
      Description: 'Hangzhou to Singapore',
      Bandwidth: SEED.packageBandwidth,
      areaA: 'china',
      areaB: 'asia-pacific',
      BandwidthPackageChargeType: 'PREPAY',
      PricingCycle: 'Month',
      Period: 6,
      AutoRenew: true,
      createdAt: t0 + 7 * DAY,
      expiresAt: addMonths(t0 + 7 * DAY, 6),
      orderId: '201564200000001',
      ResourceGroupId: 'rg-acfmemulator0001',
      Tags: [],
      CenId: SEED.cenId,
      associateReadyAt: t0 + 7 * DAY,
    },
    {
      CenBandwidthPackageId: SEED.idlePackageId,
      owner: A,
      Name: 'china-us',
      Description: '',
      Bandwidth: 10,
      areaA: 'north-america',
      areaB: 'china',
      BandwidthPackageChargeType: 'PREPAY',
      PricingCycle: 'Month',
      Period: 1,
      // Renews itself, so a long-lived demo world never locks it (an unrenewed subscription locks at expiry).
      AutoRenew: true,
      createdAt: t0 + 8 * DAY,
      expiresAt: addMonths(t0 + 8 * DAY, 1),
      orderId: '201564200000002',
      ResourceGroupId: 'rg-acfmemulator0001',
      Tags: [],
    },
  );

  w.limits.push({ CenId: SEED.cenId, ...SEED.limit, BandwidthPackageId: SEED.packageId, readyAt: t0 + 9 * DAY });

  w.healthChecks.push({
    CenId: SEED.cenId,
    VbrInstanceId: SEED.vbrHangzhou,
    VbrInstanceRegionId: 'cn-hangzhou',
    VbrInstanceOwnerId: A,
    HealthCheckSourceIp: '100.96.0.1',
    HealthCheckTargetIp: '10.200.0.1',
    HealthCheckInterval: 2,
    HealthyThreshold: 8,
    HealthCheckOnly: false,
    Description: 'IDC uplink',
  });
  w.seq = 100;
  return w;
}
