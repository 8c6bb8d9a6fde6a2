/**
 * Messages of <cen-bandwidth-planner> in English. The catalogue's rule
 * messages stay English; the frame around them is localised. The Simplified Chinese
 * texts are in messages.zh-cn.ts, typed by these (a missing key fails to
 * compile) and loaded only when a page shows Chinese.
 */
import { localized, type Locale } from '../../i18n/index.js';

type N = string;

const en = {
  chooseCen: 'Set cen-id to plan the cross-region bandwidth of a CEN instance.',
  title: (cen: string) => `Cross-region bandwidth of ${cen}`,
  reload: 'Reload',
  packagesTitle: 'Bandwidth packages',
  noPackages: 'No bandwidth package is associated with this CEN instance.',
  idleTitle: 'Packages not associated with any CEN',
  colPackage: 'Package',
  colAreas: 'Area pair',
  colBandwidth: 'Bandwidth',
  colStatus: 'Status',
  colBilling: 'Billing',
  colExpiry: 'Expires',
  colAllocated: 'Allocated',
  colActions: 'Actions',
  mbps: (n: N) => `${n} Mbit/s`,
  allocatedText: (used: N, total: N) => `${used} of ${total} Mbit/s allocated`,
  allocatedLabel: (pkg: string) => `Bandwidth allocated from ${pkg}`,
  expiresIn: (days: N) => `Expires in ${days} days`,
  expiresToday: 'Expires within a day',
  expired: 'Expired',
  billing: { PREPAY: 'Subscription', POSTPAY: 'Pay-as-you-go' } as Record<string, string>,
  status: { Idle: 'Idle', InUse: 'In use', Active: 'Active', Modifying: 'Modifying' } as Record<string, string>,
  unassociate: 'Unassociate',
  unassociateLabel: (id: string) => `Unassociate ${id} from this CEN`,
  deletePackage: 'Delete',
  deleteLabel: (id: string) => `Delete ${id}`,
  associate: 'Associate',
  associateLabel: (id: string) => `Associate ${id} with this CEN`,
  refusedLimits: (list: string) => `Set its limits to 0 first (${list}).`,
  unassociateTitle: (id: string) => `Unassociate ${id}?`,
  unassociateBody: (id: string, cen: string) => `${id} stops serving ${cen}. It stays in your account (and is still billed) until you delete it.`,
  deleteTitle: (id: string) => `Delete ${id}?`,
  deleteBody: (id: string) => `${id} will be released. This cannot be undone.`,
  deleteAssociatedBody: (id: string, cen: string) => `${id} will first be unassociated from ${cen}, then released. This cannot be undone.`,
  unassociated: (id: string) => `Unassociated ${id}.`,
  deleted: (id: string) => `Deleted ${id}.`,
  // Matrix
  limitsTitle: 'Limits between regions',
  noRegions: 'Attach networks in at least two regions to this CEN to share bandwidth between them.',
  spanTitle: (a: string, b: string) => `${a} ↔ ${b}`,
  spanPackage: (id: string, total: N) => `Package ${id}: ${total} Mbit/s`,
  spanNoPackage: 'No bandwidth package for this area pair.',
  spanRemaining: (planned: N, total: N, left: N) => `${planned} of ${total} Mbit/s planned, ${left} Mbit/s left`,
  spanOver: (over: N) => `Over the package by ${over} Mbit/s.`,
  serverRemaining: (n: N) => `The API reports ${n} Mbit/s free now.`,
  colPair: 'Regions',
  colCurrent: 'Current limit',
  colNew: 'New limit (Mbit/s)',
  pairLabel: (a: string, b: string) => `${a} ↔ ${b}`,
  newLimitLabel: (a: string, b: string) => `New limit between ${a} and ${b}, Mbit/s`,
  none: 'None',
  removes: '0 removes the limit.',
  issue: {
    unknownArea: 'cen-kit does not know the area of one of these regions.',
    notAttached: (regions: string) => `No network is attached in ${regions}.`,
    noPackage: 'No bandwidth package for this area pair: buy or associate one.',
    overAllocated: (over: N) => `Exceeds the package by ${over} Mbit/s.`,
  },
  // Offers
  buyTitle: 'Buy a package for this area pair',
  buyBandwidth: 'Bandwidth (Mbit/s)',
  buyCycle: 'Billing cycle',
  month: 'Month',
  year: 'Year',
  buyPeriod: 'Length',
  periodMonths: (n: number) => (n === 1 ? '1 month' : `${n} months`),
  periodYears: (n: number) => (n === 1 ? '1 year' : `${n} years`),
  autoRenew: 'Renew automatically',
  addPurchase: 'Add to plan',
  removePurchase: 'Remove purchase',
  purchasePlanned: (n: N, length: string) => `The plan buys a ${n} Mbit/s subscription package (${length}) and associates it.`,
  orAssociate: 'Or associate a package you already have:',
  associationPlanned: (id: string) => `The plan associates ${id}.`,
  cancelAssociation: 'Do not associate',
  resizeOffer: (n: N) => `Resize the package to ${n} Mbit/s`,
  resizeLabel: (id: string) => `New bandwidth of ${id}, Mbit/s`,
  resizePlanned: (from: N, to: N) => `The plan resizes the package from ${from} to ${to} Mbit/s.`,
  resize: 'Resize',
  cancelResize: 'Keep the size',
  // Plan
  planTitle: 'Pending changes',
  noChanges: 'No changes yet. Edit a limit, buy or resize a package.',
  review: 'Review and apply',
  discard: 'Discard changes',
  fixFirst: (n: number) => (n === 1 ? 'One change needs attention before it can be applied.' : `${n} changes need attention before they can be applied.`),
  diffTitle: 'Apply these changes?',
  diffIntro: 'The calls run in this order; each waits until the change has taken effect.',
  costWarning: (n: number) =>
    n === 1
      ? 'This plan buys a bandwidth package. It costs money: the subscription is paid automatically from your account.'
      : `This plan buys ${n} bandwidth packages. They cost money: the subscriptions are paid automatically from your account.`,
  costAck: 'I understand that this costs money.',
  apply: 'Apply',
  applying: 'Applying…',
  step: {
    buy: (n: N, a: string, b: string, length: string) => `Buy a ${n} Mbit/s package for ${a} ↔ ${b} (${length})`,
    associate: (what: string) => `Associate ${what} with the CEN`,
    newPackage: (a: string, b: string) => `the new ${a} ↔ ${b} package`,
    grow: (id: string, from: N, to: N) => `Grow ${id} from ${from} to ${to} Mbit/s`,
    shrink: (id: string, from: N, to: N) => `Shrink ${id} from ${from} to ${to} Mbit/s`,
    lower: (pair: string, from: N, to: N) => `Lower ${pair} from ${from} to ${to} Mbit/s`,
    remove: (pair: string, from: N) => `Remove the ${from} Mbit/s limit of ${pair}`,
    raise: (pair: string, from: N, to: N) => `Raise ${pair} from ${from} to ${to} Mbit/s`,
    set: (pair: string, to: N) => `Set ${pair} to ${to} Mbit/s`,
  },
  phase: { pending: 'Waiting', calling: 'Calling…', waiting: 'Taking effect…', done: 'Done', failed: 'Failed', notRun: 'Not run' } as Record<string, string>,
  progressTitle: 'Applying the plan',
  stepDone: (what: string) => `Done: ${what}.`,
  resultOk: (n: number) => (n === 1 ? 'The change was applied.' : `All ${n} changes were applied.`),
  resultFailed: 'The plan stopped at a failed step.',
  resultApplied: 'Applied:',
  resultFailedStep: 'Failed:',
  resultNotRun: 'Not run:',
  resultNothing: 'nothing',
  resultReloaded: 'The view below shows the true state again. Your remaining changes are kept: fix the cause and apply again.',
  close: 'Close',
};

export type PlannerMessages = typeof en;

export function plannerMessages(locale: Locale): PlannerMessages {
  return localized(locale, (l) => l.planner, en);
}
