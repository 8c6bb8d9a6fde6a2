/**
 * Ordering and filtering of IPv4 CIDR blocks, on the catalogue's own parser
 * (`parseCidr`, `cidrContains`), so a route table sorts and filters exactly the
 * way the Worker validates.
 */
import { cidrContains, parseCidr, parseIpv4, type Cidr } from '@cen-kit/catalog/rules';

/**
 * A sort key for a CIDR block: network address first, then prefix length, so
 * `10.0.0.0/8` < `10.0.0.0/16` < `10.1.0.0/16` < `192.168.0.0/24`. Text that is
 * not a CIDR block sorts after every block (key above any 32-bit network).
 *
 * @example cidrSortKey('10.0.0.0/8') < cidrSortKey('9.0.0.0/8') // false
 */
export function cidrSortKey(value: string): number {
  const c = parseCidr(value);
  // 33 prefix values per network fit exactly in a double (2^32 * 33 < 2^53).
  return c === undefined ? Number.MAX_SAFE_INTEGER : c.network * 33 + c.prefix;
}

/**
 * Compares two CIDR blocks numerically (network, then prefix); unparsable text last, by text.
 *
 * @example ['10.0.0.0/16', '9.0.0.0/8', '10.0.0.0/8'].sort(compareCidr) // ['9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16']
 */
export function compareCidr(a: string, b: string): number {
  const d = cidrSortKey(a) - cidrSortKey(b);
  if (d !== 0) return d < 0 ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Why a CIDR filter was refused; the element words it in the page's language. */
export type CidrFilterProblem =
  /** Not `a.b.c.d/n` nor `a.b.c.d`. */
  | 'format'
  /** An octet above 255 or written with a leading zero. */
  | 'octet'
  /** A prefix length above 32. */
  | 'prefix';

/**
 * A parsed filter: `inside` keeps routes inside a block (`10.0.0.0/8`);
 * `contains` keeps routes that contain one address (`10.1.2.3`), which is
 * how one finds the route a packet would take.
 */
export type CidrFilter = { kind: 'inside'; cidr: Cidr; text: string } | { kind: 'contains'; cidr: Cidr; text: string };

export type CidrFilterResult = { ok: true; filter: CidrFilter | undefined } | { ok: false; problem: CidrFilterProblem };

/**
 * Reads what a user typed in a CIDR filter box. Empty means no filter.
 *
 * @example parseCidrFilter('10.0.0.0/8') // { ok: true, filter: { kind: 'inside', … } }
 * @example parseCidrFilter('10.0.0.0/40') // { ok: false, problem: 'prefix' }
 */
export function parseCidrFilter(input: string): CidrFilterResult {
  const text = input.trim();
  if (text === '') return { ok: true, filter: undefined };
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,3}))?$/.exec(text);
  if (!m) return { ok: false, problem: 'format' };
  if (parseIpv4(m[1]!) === undefined) return { ok: false, problem: 'octet' };
  // An address alone is its /32 block.
  const cidr = parseCidr(`${m[1]}/${Number(m[2] ?? 32)}`);
  if (cidr === undefined) return { ok: false, problem: 'prefix' };
  return { ok: true, filter: { kind: m[2] === undefined ? 'contains' : 'inside', cidr, text } };
}

/**
 * True when a route's destination passes the filter. Unparsable destinations
 * never pass a filter (they cannot be inside anything).
 *
 * @example matchesCidrFilter('10.1.0.0/16', parseCidrFilter('10.0.0.0/8').filter) // true
 */
export function matchesCidrFilter(destination: string, filter: CidrFilter | undefined): boolean {
  if (!filter) return true;
  const c = parseCidr(destination);
  if (!c) return false;
  return filter.kind === 'inside' ? cidrContains(filter.cidr, c) : cidrContains(c, filter.cidr);
}
