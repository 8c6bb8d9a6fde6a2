/**
 * Messages of <cen-route-table> in English. The Simplified Chinese
 * texts are in messages.zh-cn.ts, typed by these (a missing key fails to
 * compile) and loaded only when a page shows Chinese.
 */
import { localized, type Locale } from '../../i18n/index.js';

const en = {
  label: (region: string) => `CEN routes in ${region}`,
  labelNoRegion: 'CEN routes',
  colCidr: 'Destination CIDR',
  colType: 'Type',
  colNextHop: 'Next hop',
  colNextHopType: 'Next hop type',
  colNextHopRegion: 'Next hop region',
  colStatus: 'Status',
  colConflict: 'Conflict',
  sortBy: (column: string) => `Sort by ${column}`,
  sorted: (column: string, dir: 'ascending' | 'descending') => `Sorted by ${column}, ${dir === 'ascending' ? 'ascending' : 'descending'}.`,
  filterCidr: 'Filter by CIDR',
  filterCidrHelp: 'A block such as 10.0.0.0/8 shows every route inside it; an address such as 10.1.2.3 shows the routes that contain it.',
  cidrProblem: {
    format: 'Write a CIDR block such as 10.0.0.0/8, or an address such as 10.1.2.3.',
    octet: 'Each of the four numbers must be 0–255, without leading zeros.',
    prefix: 'The prefix length after / must be 0–32.',
  },
  filterNextHopType: 'Next hop type',
  filterStatus: 'Status',
  any: 'Any',
  clearFilters: 'Clear filters',
  exportCsv: 'Export CSV',
  exported: (n: string) => `Exported ${n} routes.`,
  showing: (shown: string, total: string) => `${shown} of ${total} routes`,
  emptyTitle: 'No routes',
  emptyHint: 'The CEN has no routes in this region yet. Attach a network here, or publish its routes.',
  noMatchTitle: 'No route matches the filter',
  noMatchHint: 'Change or clear the filter to see every route.',
  chooseCen: 'Set cen-id and region to see the routes of a CEN in a region.',
  conflictWith: (id: string, region: string, status: string) => `${status} with ${id} (${region})`,
  conflictStatus: { conflict: 'Conflict', overflow: 'Over quota', prohibited: 'Prohibited' } as Record<string, string>,
  conflictsUnknown: 'Conflicts could not be checked:',
  routeStatus: { Active: 'Active', Candidate: 'Candidate', Rejected: 'Rejected', Prohibited: 'Prohibited' } as Record<string, string>,
  // Published route entries of one attached network.
  publishedTitle: (id: string) => `Route entries of ${id}`,
  colRouteType: 'Route type',
  colPublishStatus: 'Published to CEN',
  colActions: 'Actions',
  published: 'Published',
  nonPublished: 'Not published',
  publish: 'Publish',
  withdraw: 'Withdraw',
  publishLabel: (cidr: string) => `Publish ${cidr} to CEN`,
  withdrawLabel: (cidr: string) => `Withdraw ${cidr} from CEN`,
  notOperational: 'Fixed (System routes are always published)',
  withdrawTitle: (cidr: string) => `Withdraw ${cidr}?`,
  withdrawBody: (cidr: string, id: string) => `Other networks on the CEN stop learning ${cidr} from ${id}; traffic to it through the CEN stops.`,
  publishing: (cidr: string) => `Publishing ${cidr}…`,
  withdrawing: (cidr: string) => `Withdrawing ${cidr}…`,
  didPublish: (cidr: string) => `Published ${cidr}.`,
  didWithdraw: (cidr: string) => `Withdrew ${cidr}.`,
  noEntries: 'This network has no route entries.',
  cannotPublishCcn: 'Routes of a CCN cannot be published or withdrawn here.',
};

export type RouteTableMessages = typeof en;

export function routeTableMessages(locale: Locale): RouteTableMessages {
  return localized(locale, (l) => l.routeTable, en);
}
