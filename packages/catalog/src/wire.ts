/**
 * Reading RPC wire parameters (all text, lists already unflattened into arrays)
 * into the typed JSON shape of a request schema, and finding the list paths of
 * a response schema. Both walk the zod schemas, so no action repeats its shape.
 */
import * as z from 'zod';
import { core, defOf } from './zod-def.js';

/**
 * Converts text wire values to the JSON types the schema expects: `"10"` to 10
 * where a number is wanted, `"true"` to true where a boolean is. Values that do
 * not convert are left as they are, so the schema reports them.
 */
export function coerceWire(schema: z.ZodType, value: unknown): unknown {
  const s = core(schema);
  const d = defOf(s);
  switch (d.type) {
    case 'number':
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
      return Array.isArray(value) ? value.map((v) => coerceWire(d.element as z.ZodType, v)) : value;
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      const shape = d.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = shape[k] ? coerceWire(shape[k], v) : v;
      return out;
    }
    case 'union': {
      // Account IDs: a number or a string of digits; keep the text so it stays exact.
      return value;
    }
    default:
      return value;
  }
}

/**
 * The dotted paths of every wrapped list in a response schema, e.g.
 * `Cens.Cen` and `Cens.Cen.CenBandwidthPackageIds.CenBandwidthPackageId`.
 * The XML decoder uses them so that a one-item list is still an array.
 * Computed once per schema: the Worker asks on every upstream answer.
 */
export function listPaths(schema: z.ZodType): readonly string[] {
  let paths = listPathCache.get(schema);
  if (!paths) listPathCache.set(schema, (paths = Object.freeze(walkListPaths(schema))));
  return paths;
}

const listPathCache = new WeakMap<z.ZodType, readonly string[]>();

function walkListPaths(schema: z.ZodType): string[] {
  const out: string[] = [];
  const walk = (s: z.ZodType, path: string[]): void => {
    const meta = z.globalRegistry.get(s) as { listItem?: string } | undefined;
    if (meta?.listItem) {
      out.push([...path, meta.listItem].join('.'));
      const wrapper = core(s);
      walk((defOf(wrapper).shape as Record<string, z.ZodType>)[meta.listItem]!, [...path, meta.listItem]);
      return;
    }
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly' || d.type === 'prefault') {
      walk(d.innerType as z.ZodType, path);
    } else if (d.type === 'pipe') {
      walk((defOf(d.in).type === 'transform' ? d.out : d.in) as z.ZodType, path);
    } else if (d.type === 'object') {
      for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) walk(v, [...path, k]);
    } else if (d.type === 'array') {
      walk(d.element as z.ZodType, path);
    }
  };
  walk(schema, []);
  return out;
}
