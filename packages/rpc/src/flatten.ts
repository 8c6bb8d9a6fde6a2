/**
 * Repeat lists on the wire: `{Filter:[{Key:'CenId',Value:['a']}]}` is sent as
 * `Filter.1.Key=CenId&Filter.1.Value.1=a` (1-based), as the official SDKs do.
 */

export type WireParams = Record<string, string>;

/**
 * Flattens a JSON parameter object into wire parameters. `undefined` and
 * `null` are dropped (so what is signed is exactly what is sent); booleans
 * become `true`/`false`; numbers their decimal text.
 *
 * @example
 * ```ts
 * flattenParams({ Filter: [{ Key: 'Name', Value: ['prod', 'test'] }] });
 * // { 'Filter.1.Key': 'Name', 'Filter.1.Value.1': 'prod', 'Filter.1.Value.2': 'test' }
 * ```
 */
export function flattenParams(params: Record<string, unknown>): WireParams {
  const out: WireParams = {};
  const visit = (value: unknown, key: string) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${key}.${i + 1}`));
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, key ? `${key}.${k}` : k);
    } else {
      out[key] = String(value);
    }
  };
  for (const [k, v] of Object.entries(params)) visit(v, k);
  return out;
}

/**
 * The inverse of {@link flattenParams}: numeric segments become array items
 * (1-based, in index order), other segments object keys. Values stay text.
 * A name that collides with a list (`Filter=x` beside `Filter.1.Key`) keeps the
 * deeper form.
 */
export function unflattenParams(flat: WireParams): Record<string, unknown> {
  // Null-prototype nodes: wire names come from the network, and `__proto__.x=1`
  // must not reach Object.prototype.
  const root: Record<string, unknown> = Object.create(null);
  const keys = Object.keys(flat);
  for (const key of keys) {
    const parts = key.split('.');
    let node: Record<string, unknown> = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i]!;
      const next = node[part];
      if (next === undefined || typeof next !== 'object') node[part] = Object.create(null);
      node = node[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1]!;
    if (node[last] === undefined || typeof node[last] !== 'object') node[last] = flat[key];
  }
  const arrays = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length && entries.every(([k]) => /^[1-9]\d{0,3}$/.test(k))) {
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, x]) => arrays(x));
    }
    // fromEntries defines own properties, so a `__proto__` name stays a plain (refusable) key.
    return Object.fromEntries(entries.map(([k, x]) => [k, arrays(x)]));
  };
  return arrays(root) as Record<string, unknown>;
}
