// Small statistics helpers shared by the bench parts.

/** Median of a list of numbers (NaN for an empty list). */
export function median(xs) {
  return percentile(xs, 50);
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(rank, s.length) - 1];
}

/**
 * Runs the variants round-robin (A, B, A, B …) so that drift (thermal, other
 * load, JIT state) hits every variant alike. Returns each variant's samples.
 * `variants` maps a name to an async function returning one sample.
 */
export async function alternate(variants, rounds) {
  const out = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(variants)) out[name].push(await fn(r));
  }
  return out;
}

/** Formats a number with thousands separators and `digits` decimals. */
export function fmt(n, digits = 0) {
  if (n === undefined || n === null || Number.isNaN(n)) return '–';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
