/**
 * Wildcard matching for RAM-style Action and Resource patterns: `*` stands for
 * any run of characters (none included), `?` for exactly one. No regular
 * expressions are built from configuration, so a hostile pattern cannot make
 * matching slow (the loop below is linear in pattern × text at worst).
 */

/**
 * @example
 * ```ts
 * wildcardMatch('cen:Describe*', 'cen:DescribeCens'); // true
 * wildcardMatch('acs:cen:*:*:ceninstance/cen-1', 'acs:cen:*:*:ceninstance/cen-2'); // false
 * ```
 */
export function wildcardMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  // Where the last `*` was, and the text position it currently swallows up to.
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    const pc = p[pi];
    if (pc !== undefined && (pc === '?' || (pc !== '*' && pc === t[ti]))) {
      pi++;
      ti++;
    } else if (pc === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
