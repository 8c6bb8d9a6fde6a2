/**
 * Realistic official JSON responses, one per action, built from cen-api.md's
 * samples (themselves from the SDK models' examples) and, for the VPC reads,
 * from the VPC SDK models. Test data only.
 */
import type { ActionName } from '../catalog.js';

const REQ = 'B2063B16-852B-5B66-B73D-4ED4D1A5E5C2';
const ok = { RequestId: REQ };

export const RESPONSE_SAMPLES: Record<ActionName, Record<string, unknown>> = {
  CreateCen: { CenId: 'cen-dc4vwznpwbobrl****', RequestId: REQ },
  DescribeCens: {
    RequestId: '2BFA6822-240E-4E27-B4C8-AA400EF7474D',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    Cens: {
      Cen: [
        {
          CenId: 'cen-0xyeagctz5sfg9****',
          Name: 'nametest',
          Description: 'desctest',
          Status: 'Active',
          CreationTime: '2019-10-22T07:44Z',
          ProtectionLevel: 'REDUCED',
          Ipv6Level: 'DISABLED',
          ResourceGroupId: 'rg-acfm3unpnuw****',
          CenBandwidthPackageIds: { CenBandwidthPackageId: ['cenbwp-4c2zaavbvh5fx****'] },
          Tags: { Tag: [{ Key: 'tagtest', Value: 'tagtest' }] },
        },
      ],
    },
  },
  ModifyCenAttribute: ok,
  DeleteCen: ok,
  AttachCenChildInstance: ok,
  DetachCenChildInstance: ok,
  DescribeCenAttachedChildInstances: {
    RequestId: REQ,
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    ChildInstances: {
      ChildInstance: [
        {
          CenId: 'cen-j3jzhw1zpau2km****',
          ChildInstanceId: 'vpc-8vb1lu55yt9rlwgxl****',
          ChildInstanceType: 'VPC',
          ChildInstanceRegionId: 'cn-zhangjiakou',
          ChildInstanceOwnerId: 1688000000000000,
          ChildInstanceAttachTime: '2021-08-10T06:27Z',
          Status: 'Attached',
        },
      ],
    },
  },
  DescribeCenAttachedChildInstanceAttribute: {
    RequestId: 'ADD98358-D265-4060-87CB-A2427F5A8944',
    CenId: 'cen-5mv960yjhja0dh****',
    ChildInstanceId: 'vpc-2zebdboka7d7t37vo****',
    ChildInstanceType: 'VPC',
    ChildInstanceRegionId: 'cn-beijing',
    ChildInstanceOwnerId: 1688000000000000,
    ChildInstanceName: 'defaultvpc',
    ChildInstanceAttachTime: '2018-07-30T07:53Z',
    Status: 'Attached',
    ChildInstanceAttributes: {
      CidrBlock: '192.168.0.0/16',
      Ipv6CidrBlock: '2408:XXXX:0:a600::/56',
      Ipv6CidrBlocks: { Ipv6CidrBlock: [{ Ipv6CidrBlock: '2408:XXXX:0:6a::/56', Ipv6Isp: 'BGP' }] },
      SecondaryCidrBlocks: { SecondaryCidrBlock: ['10.0.0.0/8'] },
    },
  },
  GrantInstanceToCen: ok,
  RevokeInstanceFromCen: ok,
  DescribeGrantRulesToCen: {
    RequestId: 'F5BB78C8-5F41-464F-B9FF-5E0A7198BA26',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    CenGrantRules: {
      CbnGrantRule: [{ CenInstanceId: 'cen-7qthudw0ll6jmc****', CenOwnerId: 1210123456123456, CreationTime: '2018-01-18T11:49:09Z' }],
    },
  },
  CreateCenBandwidthPackage: {
    CenBandwidthPackageId: 'cenbwp-4c2zaavbvh5fx****',
    CenBandwidthPackageOrderId: '20156420004****',
    RequestId: REQ,
  },
  AssociateCenBandwidthPackage: ok,
  UnassociateCenBandwidthPackage: ok,
  DescribeCenBandwidthPackages: {
    RequestId: '9D7E2400-2755-4AF5-9B73-12565E4F73A0',
    TotalCount: 2,
    PageNumber: 1,
    PageSize: 2,
    CenBandwidthPackages: {
      CenBandwidthPackage: [
        {
          CenBandwidthPackageId: 'cenbwp-4c2zaavbvh5x****',
          Name: 'test',
          Description: 'cen',
          Bandwidth: 2,
          BandwidthPackageChargeType: 'PREPAY',
          BusinessStatus: 'Normal',
          Status: 'InUse',
          CreationTime: '2021-02-01T11:14Z',
          ExpiredTime: '2021-09-08T16:00Z',
          GeographicRegionAId: 'china',
          GeographicRegionBId: 'north-america',
          GeographicSpanId: 'north-america_china',
          IsCrossBorder: false,
          HasReservationData: 'false',
          ReservationActiveTime: '2021-09-08T16:00:00Z',
          ReservationBandwidth: '10',
          ReservationInternetChargeType: 'PREPAY',
          ReservationOrderType: 'UPGRADE',
          ResourceGroupId: 'rg-acfmxazb4ph****',
          CenIds: { CenId: ['cen-7qthudw0ll6jmc****'] },
          OrginInterRegionBandwidthLimits: {
            OrginInterRegionBandwidthLimit: [
              { BandwidthLimit: '1', GeographicSpanId: 'north-america_china', LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'us-west-1' },
            ],
          },
          Tags: { Tag: [{ Key: 'TagKey', Value: 'TagValue' }] },
        },
      ],
    },
  },
  ModifyCenBandwidthPackageAttribute: ok,
  ModifyCenBandwidthPackageSpec: ok,
  DeleteCenBandwidthPackage: ok,
  DescribeCenInterRegionBandwidthLimits: {
    RequestId: '7A30C665-8766-5AAA-9274-C97380E2D850',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    CenInterRegionBandwidthLimits: {
      CenInterRegionBandwidthLimit: [
        {
          CenId: 'cen-pfa6ugf3xl0qsd****',
          LocalRegionId: 'cn-hangzhou',
          OppositeRegionId: 'us-west-1',
          BandwidthLimit: 1,
          Status: 'Active',
          BandwidthPackageId: 'cenbwp-4c2zaavbvh5fx****',
          BandwidthType: 'BandwidthPackage',
          GeographicSpanId: 'north-america_china',
        },
      ],
    },
  },
  SetCenInterRegionBandwidthLimit: ok,
  DescribeCenGeographicSpanRemainingBandwidth: { RemainingBandwidth: 2, RequestId: REQ },
  DescribeGeographicRegionMembership: {
    RequestId: 'DC9EB0C9-60AF-4A09-A36C-608F70130274',
    TotalCount: 2,
    PageNumber: 1,
    PageSize: 10,
    RegionIds: { RegionId: [{ RegionId: 'us-west-1' }, { RegionId: 'us-east-1' }] },
  },
  DescribeCenGeographicSpans: {
    RequestId: '09780287-BC24-4164-8334-773432E32696',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    GeographicSpanModels: {
      GeographicSpanModel: [{ GeographicSpanId: 'china_asia-pacific', LocalGeoRegionId: 'asia-pacific', OppositeGeoRegionId: 'china' }],
    },
  },
  DescribeChildInstanceRegions: {
    RequestId: REQ,
    Regions: { Region: [{ RegionId: 'cn-hangzhou', LocalName: '华东1（杭州）' }, { RegionId: 'us-west-1', LocalName: '美国（硅谷）' }] },
  },
  DescribeCenRegionDomainRouteEntries: {
    RequestId: '004E99FB-E996-5777-888E-BA1D8F215407',
    TotalCount: 4,
    PageNumber: 1,
    PageSize: 10,
    CenRouteEntries: {
      CenRouteEntry: [
        {
          DestinationCidrBlock: '192.168.1.0/24',
          Type: 'CEN',
          NextHopInstanceId: 'vpc-bp1j8728mm6pweeod****',
          NextHopType: 'VPC',
          NextHopRegionId: 'cn-hangzhou',
          Status: 'Active',
          Preference: 50,
          ToOtherRegionStatus: 'Active',
          AsPaths: { AsPath: ['45104'] },
          Communities: { Community: ['65001:1'] },
          CenRouteMapRecords: { CenRouteMapRecord: [{ RegionId: 'cn-hangzhou', RouteMapId: 'cenrmap-y40e4gdxfrxs****' }] },
          CenOutRouteMapRecords: { CenOutRouteMapRecord: [{ RegionId: 'cn-hangzhou', RouteMapId: 'cenrmap-abcd4gdxfrxs****' }] },
        },
      ],
    },
  },
  DescribeRouteConflict: {
    RequestId: REQ,
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    RouteConflicts: {
      RouteConflict: [
        { DestinationCidrBlock: '172.16.0.0/16', InstanceId: 'vpc-wz9ta1agmcb0ujtr3****', InstanceType: 'VPC', RegionId: 'cn-shenzhen', Status: 'conflict' },
      ],
    },
  },
  DescribePublishedRouteEntries: {
    RequestId: 'FF1A7B2A-677F-4F71-96EA-6002B329F437',
    TotalCount: 2,
    PageNumber: 1,
    PageSize: 10,
    PublishedRouteEntries: {
      PublishedRouteEntry: [
        {
          ChildInstanceRouteTableId: 'vtb-il7qut3mjgtlcbpk2****',
          DestinationCidrBlock: '172.16.0.0/16',
          NextHopId: '',
          NextHopType: 'local',
          RouteType: 'System',
          OperationalMode: true,
          PublishStatus: 'Published',
          Conflicts: {
            Conflict: [{ DestinationCidrBlock: '172.16.0.0/16', InstanceId: 'vpc-wz9ta1agmcb0ujtr3****', InstanceType: 'VPC', RegionId: 'cn-shenzhen', Status: 'conflict' }],
          },
        },
        {
          ChildInstanceRouteTableId: 'vtb-il7qut3mjgtlcbpk2****',
          DestinationCidrBlock: '10.0.0.0/24',
          NextHopId: 'i-bp1c4a0a0gxodo****',
          NextHopType: 'Instance',
          RouteType: 'Custom',
          OperationalMode: false,
          PublishStatus: 'NonPublished',
          Conflicts: { Conflict: [] },
        },
      ],
    },
  },
  PublishRouteEntries: ok,
  WithdrawPublishedRouteEntries: ok,
  DescribeCenVbrHealthCheck: {
    RequestId: 'B8C9702E-304A-4E18-AC89-BE2D91C2C176',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    VbrHealthChecks: {
      VbrHealthCheck: [
        {
          CenId: 'cen-hahhfskfkseig****',
          VbrInstanceId: 'vbr-bp1nydjn04lfxd6d3****',
          VbrInstanceRegionId: 'cn-hangzhou',
          HealthCheckSourceIp: '172.16.1.1',
          HealthCheckTargetIp: '192.168.1.1',
          HealthCheckInterval: 2,
          HealthyThreshold: 8,
          HealthCheckOnly: false,
          Description: 'health check',
        },
      ],
    },
  },
  EnableCenVbrHealthCheck: ok,
  DisableCenVbrHealthCheck: ok,
  DescribeVpcs: {
    RequestId: '0ED8D006-F706-4D23-88ED-E11ED28DCAC0',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    Vpcs: {
      Vpc: [
        {
          VpcId: 'vpc-bp1qpo0kug3a20qqe****',
          RegionId: 'cn-hangzhou',
          VpcName: 'vpc1',
          CidrBlock: '192.168.0.0/16',
          Ipv6CidrBlock: '',
          Status: 'Available',
          VRouterId: 'vrt-bp1jcg5cmxjbl9xgc****',
          CreationTime: '2018-04-18T15:02:37Z',
          Description: 'This is my VPC.',
          IsDefault: false,
          OwnerId: 253460731706911,
          ResourceGroupId: 'rg-acfmxazb4ph****',
          CenStatus: 'Attached',
          VSwitchIds: { VSwitchId: ['vsw-bp1nhbnpv2blyz8dl****'] },
          RouterTableIds: { RouterTableIds: ['vtb-bp1krxxzp0c29fmon****'] },
          NatGatewayIds: { NatGatewayIds: [] },
          UserCidrs: { UserCidr: [] },
          SecondaryCidrBlocks: { SecondaryCidrBlock: ['10.0.0.0/8'] },
          Tags: { Tag: [{ Key: 'env', Value: 'prod' }] },
        },
      ],
    },
  },
  DescribeVirtualBorderRouters: {
    RequestId: '4EC47282-1B74-4534-BD0E-403F3EE64CAF',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    VirtualBorderRouterSet: {
      VirtualBorderRouterType: [
        {
          VbrId: 'vbr-bp15zckdt37pq72****',
          Name: 'vbr1',
          Description: 'VBRDescription',
          Status: 'active',
          Type: 'pconnVBR',
          RouteTableId: 'vtb-bp1q2bvxpnkb5ic3n****',
          LocalGatewayIp: '116.62.XX.XX',
          PeerGatewayIp: '116.62.XX.XX',
          PeeringSubnetMask: '255.255.255.252',
          VlanId: 10,
          VlanInterfaceId: 'ri-2zeo3xzyf38r4urzd****',
          PhysicalConnectionId: 'pc-bp1ciz7ekd2grn1as****',
          PhysicalConnectionStatus: 'Enabled',
          PhysicalConnectionOwnerUid: '12345678****',
          AccessPointId: 'ap-cn-hangzhou-xs-B',
          CircuitCode: 'longtel001',
          CreationTime: '2021-06-08T12:20:55Z',
          ActivationTime: '2021-06-08T12:20:55Z',
          TerminationTime: '',
          RecoveryTime: '',
          ResourceGroupId: 'rg-acfmxazb4ph****',
          AssociatedCens: { AssociatedCen: [{ CenId: 'cen-kojok19xxxxxxxx', CenOwnerId: 1086496381294461, CenStatus: 'Attached' }] },
        },
      ],
    },
  },
  DescribeRouteTables: {
    RequestId: 'DC668356-BCB4-42FD-9BC3-FA2B2E04B634',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    RouteTables: {
      RouteTable: [
        {
          RouteTableId: 'vtb-bp145q7glnuzdvzu2****',
          VRouterId: 'vrt-bp1lhl0taikrteen8****',
          RouteTableType: 'System',
          Status: 'Available',
          CreationTime: '2017-08-22T10:40:25Z',
          ResourceGroupId: 'rg-acfmxazb4ph****',
          VSwitchIds: { VSwitchId: ['vsw-bp1nhbnpv2blyz8dl****'] },
          RouteEntrys: {
            RouteEntry: [
              {
                DestinationCidrBlock: '192.168.0.0/24',
                Type: 'System',
                Status: 'Available',
                InstanceId: '',
                NextHopType: 'local',
                RouteTableId: 'vtb-bp145q7glnuzdvzu2****',
                NextHops: { NextHop: [] },
              },
              {
                DestinationCidrBlock: '0.0.0.0/0',
                Type: 'Custom',
                Status: 'Available',
                InstanceId: 'ri-2zeo3xzyf38r4urzd****',
                NextHopType: 'RouterInterface',
                RouteTableId: 'vtb-bp145q7glnuzdvzu2****',
                RouteEntryId: 'rte-bp1mnnr2al0naomnp****',
                NextHops: { NextHop: [{ NextHopId: 'ri-2zeo3xzyf38r4urzd****', NextHopType: 'RouterInterface', Enabled: 1, Weight: 80 }] },
              },
            ],
          },
        },
      ],
    },
  },
};

/** The wrapped lists each response must report through `listPaths` (at least these). */
export const EXPECTED_LIST_PATHS: Partial<Record<ActionName, string[]>> = {
  DescribeCens: ['Cens.Cen', 'Cens.Cen.CenBandwidthPackageIds.CenBandwidthPackageId', 'Cens.Cen.Tags.Tag'],
  DescribeCenAttachedChildInstances: ['ChildInstances.ChildInstance'],
  DescribeCenAttachedChildInstanceAttribute: [
    'ChildInstanceAttributes.Ipv6CidrBlocks.Ipv6CidrBlock',
    'ChildInstanceAttributes.SecondaryCidrBlocks.SecondaryCidrBlock',
  ],
  DescribeGrantRulesToCen: ['CenGrantRules.CbnGrantRule'],
  DescribeCenBandwidthPackages: [
    'CenBandwidthPackages.CenBandwidthPackage',
    'CenBandwidthPackages.CenBandwidthPackage.CenIds.CenId',
    'CenBandwidthPackages.CenBandwidthPackage.OrginInterRegionBandwidthLimits.OrginInterRegionBandwidthLimit',
    'CenBandwidthPackages.CenBandwidthPackage.Tags.Tag',
  ],
  DescribeCenInterRegionBandwidthLimits: ['CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit'],
  DescribeGeographicRegionMembership: ['RegionIds.RegionId'],
  DescribeCenGeographicSpans: ['GeographicSpanModels.GeographicSpanModel'],
  DescribeChildInstanceRegions: ['Regions.Region'],
  DescribeCenRegionDomainRouteEntries: [
    'CenRouteEntries.CenRouteEntry',
    'CenRouteEntries.CenRouteEntry.AsPaths.AsPath',
    'CenRouteEntries.CenRouteEntry.Communities.Community',
    'CenRouteEntries.CenRouteEntry.CenRouteMapRecords.CenRouteMapRecord',
    'CenRouteEntries.CenRouteEntry.CenOutRouteMapRecords.CenOutRouteMapRecord',
  ],
  DescribeRouteConflict: ['RouteConflicts.RouteConflict'],
  DescribePublishedRouteEntries: ['PublishedRouteEntries.PublishedRouteEntry', 'PublishedRouteEntries.PublishedRouteEntry.Conflicts.Conflict'],
  DescribeCenVbrHealthCheck: ['VbrHealthChecks.VbrHealthCheck'],
  DescribeVpcs: ['Vpcs.Vpc', 'Vpcs.Vpc.VSwitchIds.VSwitchId', 'Vpcs.Vpc.RouterTableIds.RouterTableIds', 'Vpcs.Vpc.Tags.Tag'],
  DescribeVirtualBorderRouters: [
    'VirtualBorderRouterSet.VirtualBorderRouterType',
    'VirtualBorderRouterSet.VirtualBorderRouterType.AssociatedCens.AssociatedCen',
  ],
  DescribeRouteTables: [
    'RouteTables.RouteTable',
    'RouteTables.RouteTable.RouteEntrys.RouteEntry',
    'RouteTables.RouteTable.RouteEntrys.RouteEntry.NextHops.NextHop',
    'RouteTables.RouteTable.VSwitchIds.VSwitchId',
  ],
};

/** Every scalar as text, the way Alibaba's XML carries it. */
export function asXmlText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asXmlText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmlText(v)]));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}

/** The smallest valid request of each action (required parameters only). */
export function minimalRequest(name: ActionName): Record<string, unknown> {
  const cen = 'cen-7qthudw0ll6jmc';
  const child = { ChildInstanceId: 'vpc-bp1abc', ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-hangzhou' };
  const vbr = { CenId: cen, VbrInstanceId: 'vbr-bp1abc', VbrInstanceRegionId: 'cn-hangzhou' };
  const table: Record<ActionName, Record<string, unknown>> = {
    CreateCen: {},
    DescribeCens: {},
    ModifyCenAttribute: { CenId: cen },
    DeleteCen: { CenId: cen },
    AttachCenChildInstance: { CenId: cen, ...child },
    DetachCenChildInstance: { CenId: cen, ...child },
    DescribeCenAttachedChildInstances: { CenId: cen },
    DescribeCenAttachedChildInstanceAttribute: { CenId: cen, ...child },
    GrantInstanceToCen: { RegionId: 'cn-hangzhou', InstanceId: 'vpc-bp1abc', InstanceType: 'VPC', CenId: cen, CenOwnerId: 1688000000000000 },
    RevokeInstanceFromCen: { RegionId: 'cn-hangzhou', InstanceId: 'vpc-bp1abc', InstanceType: 'VPC', CenId: cen, CenOwnerId: '1688000000000000' },
    DescribeGrantRulesToCen: { RegionId: 'cn-hangzhou', InstanceId: 'vpc-bp1abc', InstanceType: 'VPC' },
    CreateCenBandwidthPackage: { Bandwidth: 10, GeographicRegionAId: 'China', GeographicRegionBId: 'North-America' },
    AssociateCenBandwidthPackage: { CenId: cen, CenBandwidthPackageId: 'cenbwp-4c2zaavbvh5fx' },
    UnassociateCenBandwidthPackage: { CenId: cen, CenBandwidthPackageId: 'cenbwp-4c2zaavbvh5fx' },
    DescribeCenBandwidthPackages: {},
    ModifyCenBandwidthPackageAttribute: { CenBandwidthPackageId: 'cenbwp-4c2zaavbvh5fx' },
    ModifyCenBandwidthPackageSpec: { CenBandwidthPackageId: 'cenbwp-4c2zaavbvh5fx', Bandwidth: 20 },
    DeleteCenBandwidthPackage: { CenBandwidthPackageId: 'cenbwp-4c2zaavbvh5fx' },
    DescribeCenInterRegionBandwidthLimits: {},
    SetCenInterRegionBandwidthLimit: { CenId: cen, LocalRegionId: 'cn-hangzhou', OppositeRegionId: 'us-west-1', BandwidthLimit: 5 },
    DescribeCenGeographicSpanRemainingBandwidth: { CenId: cen, GeographicRegionAId: 'China', GeographicRegionBId: 'China' },
    DescribeGeographicRegionMembership: { GeographicRegionId: 'north-america' },
    DescribeCenGeographicSpans: {},
    DescribeChildInstanceRegions: {},
    DescribeCenRegionDomainRouteEntries: { CenId: cen, CenRegionId: 'cn-hangzhou' },
    DescribeRouteConflict: { ...child, ChildInstanceRouteTableId: 'vtb-bp1abc' },
    DescribePublishedRouteEntries: { CenId: cen, ...child },
    PublishRouteEntries: { CenId: cen, ...child, ChildInstanceRouteTableId: 'vtb-bp1abc', DestinationCidrBlock: '10.0.0.0/24' },
    WithdrawPublishedRouteEntries: { CenId: cen, ...child, ChildInstanceRouteTableId: 'vtb-bp1abc', DestinationCidrBlock: '10.0.0.0/24' },
    DescribeCenVbrHealthCheck: { VbrInstanceRegionId: 'cn-hangzhou' },
    EnableCenVbrHealthCheck: { ...vbr, HealthCheckTargetIp: '192.168.1.1' },
    DisableCenVbrHealthCheck: vbr,
    DescribeVpcs: { RegionId: 'cn-hangzhou' },
    DescribeVirtualBorderRouters: { RegionId: 'cn-hangzhou' },
    DescribeRouteTables: { RegionId: 'cn-hangzhou', VRouterId: 'vrt-bp1abc' },
  };
  return table[name];
}
