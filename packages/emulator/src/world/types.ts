/**
 * The emulator's world: plain JSON data (structured-clone safe), versioned so
 * that a stored world from an older emulator is recognised and reseeded.
 *
 * Account IDs are kept as strings of digits everywhere: account B's ID is above
 * 2^53 on purpose, and a number would round it.
 */

export const WORLD_VERSION = 1;

export type NetworkType = 'VPC' | 'VBR';

export interface Tag {
  Key: string;
  Value?: string;
}

export interface CenRecord {
  CenId: string;
  owner: string;
  Name: string;
  Description: string;
  ProtectionLevel: string;
  ResourceGroupId: string;
  Tags: Tag[];
  createdAt: number;
  /** Creating until this time, then Active. */
  readyAt: number;
  /** Set by DeleteCen: Deleting until this time, then gone. */
  deleteAt?: number;
}

export interface RouteEntry {
  DestinationCidrBlock: string;
  /** System routes (one per VSwitch CIDR, or the VBR's own) are always published; Custom ones only after PublishRouteEntries. */
  RouteType: 'System' | 'Custom';
  NextHopType: string;
  NextHopId: string;
  published: boolean;
}

export interface VSwitch {
  VSwitchId: string;
  CidrBlock: string;
  ZoneId: string;
}

/** A VPC or a VBR, with its route table. */
export interface Network {
  id: string;
  type: NetworkType;
  owner: string;
  RegionId: string;
  name: string;
  /** VPC CIDR block; for a VBR the customer-side block it routes to. */
  CidrBlock: string;
  RouteTableId: string;
  VRouterId: string;
  vSwitches: VSwitch[];
  routes: RouteEntry[];
  createdAt: number;
}

export interface Attachment {
  CenId: string;
  ChildInstanceId: string;
  ChildInstanceType: NetworkType;
  ChildInstanceRegionId: string;
  ChildInstanceOwnerId: string;
  attachedAt: number;
  /** Attaching until this time, then Attached. */
  readyAt: number;
  /** Set by DetachCenChildInstance: Detaching until this time, then gone. */
  detachAt?: number;
}

export interface Grant {
  InstanceId: string;
  InstanceType: NetworkType;
  RegionId: string;
  owner: string;
  CenId: string;
  CenOwnerId: string;
  createdAt: number;
}

export interface BandwidthPackage {
  CenBandwidthPackageId: string;
  owner: string;
  Name: string;
  Description: string;
  Bandwidth: number;
  /** A ModifyCenBandwidthPackageSpec still in flight. */
  pendingSpec?: { Bandwidth: number; at: number };
  /** Lower-case area ids. */
  areaA: string;
  areaB: string;
  BandwidthPackageChargeType: 'PREPAY' | 'POSTPAY';
  PricingCycle: 'Month' | 'Year';
  Period: number;
  AutoRenew: boolean;
  createdAt: number;
  expiresAt: number;
  orderId: string;
  ResourceGroupId: string;
  Tags: Tag[];
  /** The CEN it is associated with. */
  CenId?: string;
  /** Associating until this time (Status Idle), then InUse. */
  associateReadyAt?: number;
}

export interface Limit {
  CenId: string;
  LocalRegionId: string;
  OppositeRegionId: string;
  BandwidthLimit: number;
  BandwidthPackageId: string;
  /** Modifying until this time, then Active. */
  readyAt: number;
  /** Set to 0: Modifying until this time, then gone. */
  removeAt?: number;
}

export interface HealthCheck {
  CenId: string;
  VbrInstanceId: string;
  VbrInstanceRegionId: string;
  VbrInstanceOwnerId: string;
  HealthCheckSourceIp: string;
  HealthCheckTargetIp: string;
  HealthCheckInterval: number;
  HealthyThreshold: number;
  HealthCheckOnly: boolean;
  Description: string;
}

/** A remembered ClientToken call: per account + action + token. */
export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  result: Record<string, unknown>;
  at: number;
}

export interface World {
  version: typeof WORLD_VERSION;
  seededAt: number;
  /** Counter behind generated IDs, so they never repeat within a world. */
  seq: number;
  cens: CenRecord[];
  networks: Network[];
  attachments: Attachment[];
  grants: Grant[];
  packages: BandwidthPackage[];
  limits: Limit[];
  healthChecks: HealthCheck[];
  tokens: IdempotencyRecord[];
}

export function emptyWorld(now: number): World {
  return {
    version: WORLD_VERSION,
    seededAt: now,
    seq: 0,
    cens: [],
    networks: [],
    attachments: [],
    grants: [],
    packages: [],
    limits: [],
    healthChecks: [],
    tokens: [],
  };
}
