import { expect } from '@open-wc/testing';
import { parseCidrFilter } from './cidr-sort.js';
import { conflictsByCidr, distinctValues, filterRoutes, sortRoutes, type RouteRow } from './route-view.js';

const rows: RouteRow[] = [
  { DestinationCidrBlock: '192.168.0.0/24', NextHopType: 'VPC', NextHopInstanceId: 'vpc-b', Status: 'Active', Type: 'CEN' },
  { DestinationCidrBlock: '10.0.0.0/16', NextHopType: 'VBR', NextHopInstanceId: 'vbr-a', Status: 'Active', Type: 'CEN' },
  { DestinationCidrBlock: '9.0.0.0/8', NextHopType: 'VPC', NextHopInstanceId: 'vpc-a', Status: 'Rejected', Type: 'Custom' },
  { DestinationCidrBlock: '10.0.0.0/8', NextHopType: 'VPC', NextHopInstanceId: 'vpc-a', Status: 'Active', Type: 'System' },
];
const cidrs = (r: RouteRow[]) => r.map((x) => x.DestinationCidrBlock);

describe('sortRoutes', () => {
  it('sorts by CIDR numerically, both ways, without changing the input', () => {
    const copy = rows.slice();
    expect(cidrs(sortRoutes(rows, { column: 'DestinationCidrBlock', direction: 'ascending' }))).to.deep.equal([
      '9.0.0.0/8',
      '10.0.0.0/8',
      '10.0.0.0/16',
      '192.168.0.0/24',
    ]);
    expect(cidrs(sortRoutes(rows, { column: 'DestinationCidrBlock', direction: 'descending' }))).to.deep.equal([
      '192.168.0.0/24',
      '10.0.0.0/16',
      '10.0.0.0/8',
      '9.0.0.0/8',
    ]);
    expect(rows).to.deep.equal(copy);
  });

  it('sorts by another column, ties in CIDR order', () => {
    expect(cidrs(sortRoutes(rows, { column: 'NextHopType', direction: 'ascending' }))).to.deep.equal([
      '10.0.0.0/16',
      '9.0.0.0/8',
      '10.0.0.0/8',
      '192.168.0.0/24',
    ]);
    // Descending flips the column, ties stay in CIDR order.
    expect(cidrs(sortRoutes(rows, { column: 'NextHopType', direction: 'descending' }))).to.deep.equal([
      '9.0.0.0/8',
      '10.0.0.0/8',
      '192.168.0.0/24',
      '10.0.0.0/16',
    ]);
  });

  it('sorts 10,000 routes quickly', () => {
    const many: RouteRow[] = Array.from({ length: 10_000 }, (_, i) => ({
      DestinationCidrBlock: `${(i * 7919) % 223}.${i % 256}.${(i >> 8) % 256}.0/24`,
      NextHopType: i % 3 ? 'VPC' : 'VBR',
      Status: 'Active',
    }));
    const t0 = performance.now();
    const sorted = sortRoutes(many, { column: 'DestinationCidrBlock', direction: 'ascending' });
    const ms = performance.now() - t0;
    expect(sorted.length).to.equal(10_000);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!].map((r) => r.DestinationCidrBlock.split(/[./]/).map(Number));
      const ka = ((a![0]! * 256 + a![1]!) * 256 + a![2]!) * 256 + a![3]!;
      const kb = ((b![0]! * 256 + b![1]!) * 256 + b![2]!) * 256 + b![3]!;
      expect(ka <= kb).to.equal(true);
    }
    expect(ms).to.be.below(250);
  });
});

describe('filterRoutes', () => {
  it('filters by containment, next hop type and status together', () => {
    const inside = parseCidrFilter('10.0.0.0/8');
    if (!inside.ok) throw new Error('filter');
    expect(cidrs(filterRoutes(rows, { cidr: inside.filter }))).to.deep.equal(['10.0.0.0/16', '10.0.0.0/8']);
    expect(cidrs(filterRoutes(rows, { cidr: inside.filter, nextHopType: 'VPC' }))).to.deep.equal(['10.0.0.0/8']);
    expect(cidrs(filterRoutes(rows, { status: 'Rejected' }))).to.deep.equal(['9.0.0.0/8']);
    expect(filterRoutes(rows, {})).to.deep.equal(rows);
  });

  it('lists the distinct values for the filter menus', () => {
    expect(distinctValues(rows, 'NextHopType')).to.deep.equal(['VBR', 'VPC']);
    expect(distinctValues(rows, 'Status')).to.deep.equal(['Active', 'Rejected']);
  });
});

describe('conflictsByCidr', () => {
  it('groups by destination and drops the same conflict reported twice', () => {
    const c = { DestinationCidrBlock: '10.0.0.0/16', InstanceId: 'vpc-x', InstanceType: 'VPC', RegionId: 'cn-hangzhou', Status: 'conflict' };
    const m = conflictsByCidr([c, { ...c }, { ...c, Status: 'overflow' }, { ...c, DestinationCidrBlock: '10.1.0.0/16' }]);
    expect(m.get('10.0.0.0/16')?.map((x) => x.Status)).to.deep.equal(['conflict', 'overflow']);
    expect(m.get('10.1.0.0/16')?.length).to.equal(1);
    expect(m.has('10.2.0.0/16')).to.equal(false);
  });
});
