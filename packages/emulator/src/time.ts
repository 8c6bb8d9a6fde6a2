/** Times as Alibaba writes them, always UTC. */

/** `2019-10-22T07:44Z` (CEN, attachment and package times). */
export function minuteTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

/** `2018-01-18T11:49:09Z` (grant rules). */
export function secondTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** `ms` plus whole calendar months, in UTC. */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}
