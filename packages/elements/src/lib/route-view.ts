/**
 * The view model of <cen-route-table>: the routes of a region, sorted by any
 * column and filtered by CIDR containment, next hop type and status, with the
 * conflicts reported for each destination. Pure, so 10,000 routes can be
 * sorted and filtered in tests without a browser.
 */
import { cidrSortKey, matchesCidrFilter, type CidrFilter } from './cidr-sort.js';

/** One CEN route, in the API's names (DescribeCenRegionDomainRouteEntries). */
export interface RouteRow {
  DestinationCidrBlock: string;
  Type?: string;
  NextHopInstanceId?: string;
  NextHopType?: string;
  NextHopRegionId?: string;
  Status?: string;
  Preference?: number;
}

/** A conflict reported for a destination (DescribeRouteConflict, or Conflicts of a published entry). */
export interface RouteConflictInfo {
  DestinationCidrBlock: string;
  InstanceId?: string;
  InstanceType?: string;
  RegionId?: string;
  /** `conflict` | `overflow` | `prohibited`. */
  Status?: string;
}

export const ROUTE_COLUMNS = ['DestinationCidrBlock', 'Type', 'NextHopInstanceId', 'NextHopType', 'NextHopRegionId', 'Status'] as const;
export type RouteColumn = (typeof ROUTE_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface RouteSort {
  column: RouteColumn;
  direction: SortDirection;
}

export interface RouteFilters {
  cidr?: CidrFilter | undefined;
  /** Keep only these next hop types; empty or undefined keeps all. */
  nextHopType?: string | undefined;
  status?: string | undefined;
}

/**
 * Sorts a copy of the routes. The CIDR column sorts numerically (network,
 * then prefix); the others by text, with ties broken by CIDR so that the order
 * is always the same for the same data.
 *
 * @example sortRoutes(rows, { column: 'DestinationCidrBlock', direction: 'ascending' })
 */
export function sortRoutes<R extends RouteRow>(rows: readonly R[], { column, direction }: RouteSort): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byCidr = column === 'DestinationCidrBlock';
  // Decorate once: parsing 10,000 CIDR blocks inside the comparator would parse each ~14 times.
  // Array sort is stable, so rows that tie everywhere keep their order.
  return rows
    .map((row) => ({ row, cidr: cidrSortKey(row.DestinationCidrBlock), text: byCidr ? '' : (row[column] ?? '').toLowerCase() }))
    .sort((a, b) => (a.text !== b.text ? (a.text < b.text ? -sign : sign) : (a.cidr - b.cidr) * (byCidr ? sign : 1)))
    .map((k) => k.row);
}

/**
 * Keeps the routes that pass every filter.
 *
 * @example filterRoutes(rows, { cidr: parseCidrFilter('10.0.0.0/8').filter, status: 'Active' })
 */
export function filterRoutes<R extends RouteRow>(rows: readonly R[], filters: RouteFilters): R[] {
  const { cidr, nextHopType, status } = filters;
  return rows.filter(
    (r) =>
      (!nextHopType || r.NextHopType === nextHopType) && (!status || r.Status === status) && matchesCidrFilter(r.DestinationCidrBlock, cidr),
  );
}

/** The distinct values of a column, sorted, for a filter's options. */
export function distinctValues(rows: readonly RouteRow[], column: 'NextHopType' | 'Status' | 'Type'): string[] {
  return [...new Set(rows.map((r) => r[column]).filter(Boolean) as string[])].sort();
}

/**
 * Groups conflicts by destination CIDR, dropping exact duplicates (the same
 * conflict is often reported both by DescribeRouteConflict and in a published
 * entry's Conflicts).
 *
 * @example conflictsByCidr([{ DestinationCidrBlock: '10.0.0.0/16', Status: 'conflict' }]).get('10.0.0.0/16')
 */
export function conflictsByCidr(conflicts: Iterable<RouteConflictInfo>): Map<string, RouteConflictInfo[]> {
  const map = new Map<string, RouteConflictInfo[]>();
  const seen = new Set<string>();
  for (const c of conflicts) {
    const key = [c.DestinationCidrBlock, c.InstanceId, c.InstanceType, c.RegionId, c.Status].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    map.set(c.DestinationCidrBlock, [...(map.get(c.DestinationCidrBlock) ?? []), c]);
  }
  return map;
}
