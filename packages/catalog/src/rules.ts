/**
 * Validation rules for CEN parameters, as plain functions and constants.
 *
 * This module imports nothing (not even zod) so that the browser elements can
 * check a form field with exactly the rule the Worker and the emulator apply,
 * without shipping a schema library. The zod schemas in this package are built
 * on these functions; a rule lives here once.
 *
 * Each check returns `undefined` when the value is valid, or a message that says
 * what is wrong and why.
 *
 * @example
 * ```ts
 * import { checkName } from '@cen-kit/catalog/rules';
 * checkName('https://x'); // 'must not start with http:// or https://'
 * ```
 */

export const NAME_MAX = 128;
export const DESCRIPTION_MAX = 256;
export const BANDWIDTH_MIN = 2;
export const BANDWIDTH_MAX = 10000;
/** Most Describe actions cap PageSize at 50. */
export const PAGE_SIZE_MAX = 50;
/** DescribeCenRegionDomainRouteEntries and DescribePublishedRouteEntries allow 500. */
export const ROUTE_PAGE_SIZE_MAX = 500;
export const FILTER_KEYS_MAX = 5;
export const FILTER_VALUES_MAX = 5;
export const CLIENT_TOKEN_MAX = 64;
export const TAGS_MAX = 20;
export const HEALTH_CHECK_INTERVAL_MIN = 2;
export const HEALTH_CHECK_INTERVAL_MAX = 3;
export const HEALTHY_THRESHOLD_MIN = 3;
export const HEALTHY_THRESHOLD_MAX = 8;

const HTTP_PREFIX = /^https?:\/\//i;

/** CEN and bandwidth-package names: empty, or 1–128 characters, not starting with http(s)://. */
export function checkName(value: string): string | undefined {
  if (value.length > NAME_MAX) return `must be at most ${NAME_MAX} characters (got ${value.length})`;
  if (HTTP_PREFIX.test(value)) return 'must not start with http:// or https://';
  return undefined;
}

/** Descriptions: empty, or 1–256 characters, not starting with http(s)://. */
export function checkDescription(value: string): string | undefined {
  if (value.length > DESCRIPTION_MAX) return `must be at most ${DESCRIPTION_MAX} characters (got ${value.length})`;
  if (HTTP_PREFIX.test(value)) return 'must not start with http:// or https://';
  return undefined;
}

/**
 * Bandwidth-package names on CreateCenBandwidthPackage are stricter: 2–128
 * characters of letters, digits, `_` and `-`, starting with a letter.
 */
export function checkBandwidthPackageName(value: string): string | undefined {
  if (value.length < 2 || value.length > NAME_MAX) return `must be 2–${NAME_MAX} characters (got ${value.length})`;
  if (HTTP_PREFIX.test(value)) return 'must not start with http:// or https://';
  if (!/^[\p{L}][\p{L}\p{N}_-]*$/u.test(value)) return 'must start with a letter and contain only letters, digits, _ and -';
  return undefined;
}

/** ClientToken: 1–64 printable ASCII characters. */
export function checkClientToken(value: string): string | undefined {
  if (value.length === 0 || value.length > CLIENT_TOKEN_MAX) return `must be 1–${CLIENT_TOKEN_MAX} characters`;
  if (!/^[\x21-\x7e]+$/.test(value)) return 'must be printable ASCII';
  return undefined;
}

/** Bandwidth in Mbit/s for packages: an integer from 2 to 10000. */
export function checkBandwidth(value: number): string | undefined {
  if (!Number.isInteger(value)) return 'must be a whole number of Mbit/s';
  if (value < BANDWIDTH_MIN || value > BANDWIDTH_MAX) return `must be between ${BANDWIDTH_MIN} and ${BANDWIDTH_MAX} Mbit/s`;
  return undefined;
}

/** An inter-region limit: a whole number of Mbit/s, 0 removes the limit. */
export function checkBandwidthLimit(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 0) return 'must be a whole number of Mbit/s, 0 or more';
  return undefined;
}

/**
 * How many Mbit/s the limits of one span (area pair) exceed its bandwidth
 * package by: 0 when `allocated` (the sum of the span's limits) fits in
 * `bandwidth`. Alibaba refuses a limit that would make it positive
 * (InvalidOperation.BwpBandwidthExceeded); the planner shows it before asking.
 *
 * @example spanOverAllocation(12, 10) // 2
 */
export function spanOverAllocation(allocated: number, bandwidth: number): number {
  return Math.max(0, allocated - bandwidth);
}

/** Parses dotted-quad IPv4; returns the 32-bit value or undefined. */
export function parseIpv4(value: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255 || (m[i]!.length > 1 && m[i]![0] === '0')) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

export function checkIpv4(value: string): string | undefined {
  return parseIpv4(value) === undefined ? 'must be an IPv4 address such as 192.168.0.1' : undefined;
}

/** A parsed IPv4 CIDR block: network address as a 32-bit number and prefix length. */
export interface Cidr {
  network: number;
  prefix: number;
}

export function parseCidr(value: string): Cidr | undefined {
  const [ip, len, ...rest] = value.split('/');
  if (rest.length || ip === undefined || len === undefined || !/^\d{1,2}$/.test(len)) return undefined;
  const addr = parseIpv4(ip);
  const prefix = Number(len);
  if (addr === undefined || prefix > 32) return undefined;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { network: (addr & mask) >>> 0, prefix };
}

export function checkCidr(value: string): string | undefined {
  return parseCidr(value) === undefined ? 'must be an IPv4 CIDR block such as 10.0.0.0/8' : undefined;
}

/** True when `inner` lies inside `outer` (equal blocks count as inside). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (inner.prefix < outer.prefix) return false;
  const mask = outer.prefix === 0 ? 0 : (0xffffffff << (32 - outer.prefix)) >>> 0;
  return ((inner.network & mask) >>> 0) === outer.network;
}

/** Health-check source IPs: omitted, or an address in 10/8, 172.16/12 or 192.168/16. */
export function checkHealthCheckSourceIp(value: string): string | undefined {
  const ip = parseIpv4(value);
  if (ip === undefined) return 'must be an IPv4 address';
  const inside = (cidr: string) => cidrContains(parseCidr(cidr)!, { network: ip, prefix: 32 });
  if (!inside('10.0.0.0/8') && !inside('172.16.0.0/12') && !inside('192.168.0.0/16') && !inside('100.96.0.0/16')) {
    return 'must be a private address in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16';
  }
  return undefined;
}

export function checkRange(value: number, min: number, max: number, unit = ''): string | undefined {
  if (!Number.isInteger(value) || value < min || value > max) return `must be a whole number from ${min} to ${max}${unit}`;
  return undefined;
}

/** Alibaba account IDs (owner IDs) are up to 16-digit integers; keep them as strings to stay exact. */
export function checkAccountId(value: string | number): string | undefined {
  const s = String(value);
  return /^[1-9]\d{0,19}$/.test(s) ? undefined : 'must be an Alibaba Cloud account ID (digits only)';
}

/**
 * Subscription lengths Alibaba sells for a bandwidth package, per pricing
 * cycle (CreateCenBandwidthPackage `PricingCycle` + `Period`). The request schema
 * checks Period with checkPackagePeriod, and so do the elements.
 */
export const PACKAGE_PERIODS = { Month: [1, 2, 3, 6], Year: [1, 2, 3] } as const;

/**
 * A package's Period for its PricingCycle (default Month).
 *
 * @example checkPackagePeriod(4, 'Month') // 'must be one of 1, 2, 3, 6 when PricingCycle is Month (got 4)'
 */
export function checkPackagePeriod(period: number, cycle: 'Month' | 'Year' = 'Month'): string | undefined {
  const allowed: readonly number[] = PACKAGE_PERIODS[cycle];
  return allowed.includes(period) ? undefined : `must be one of ${allowed.join(', ')} when PricingCycle is ${cycle} (got ${period})`;
}
