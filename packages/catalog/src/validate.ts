/**
 * Checking a request against its action's schema and reporting every problem
 * as `{path, message}`: where (JSON path, and on demand the wire name) and
 * what is wrong and why, in words a caller can act on.
 */
import * as z from 'zod';
import type { ActionSpec } from './action.js';
import { core, defOf } from './zod-def.js';

export interface Issue {
  /** JSON-style path: `Filter[0].Key`, `PageSize`, or `` for the request as a whole. */
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; issues: Issue[] };

type Segment = PropertyKey;

/**
 * A JSON-style path from zod path segments.
 *
 * @example
 * ```ts
 * issuePath(['Filter', 0, 'Key']); // 'Filter[0].Key'
 * issuePath([]); // ''
 * ```
 */
export function issuePath(segments: readonly Segment[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/**
 * The wire (RPC query) name of a JSON-style issue path: list indexes become
 * 1-based dotted segments, as Alibaba numbers repeat lists.
 *
 * @example
 * ```ts
 * wireIssuePath('Filter[0].Value[2]'); // 'Filter.1.Value.3'
 * wireIssuePath(['Tag', 1, 'Key']); // 'Tag.2.Key'
 * ```
 */
export function wireIssuePath(path: string | readonly Segment[]): string {
  const json = typeof path === 'string' ? path : issuePath(path);
  return json.replace(/\[(\d+)\]/g, (_m, i: string) => `.${Number(i) + 1}`).replace(/^\./, '');
}

const describeType = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'text' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

const EXPECTED: Record<string, string> = {
  string: 'text (a JSON string)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (JSON array)',
  object: 'an object',
};

/** Messages for zod's built-in checks; schema-level messages (rules, regex hints) win over these. */
const errorMap = (iss: z.core.$ZodRawIssue): string | undefined => {
  const i = iss as z.core.$ZodRawIssue & Record<string, unknown>;
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      if (i.expected === 'int') return `must be a whole number (got ${String(iss.input)})`;
      return `must be ${EXPECTED[String(i.expected)] ?? String(i.expected)} (got ${describeType(iss.input)})`;
    case 'too_big': {
      const max = String(i.maximum);
      const or = i.inclusive === false ? 'less than' : 'at most';
      if (i.origin === 'string') return `must be ${or} ${max} characters`;
      if (i.origin === 'array' || i.origin === 'set') return `must have ${or} ${max} items`;
      return `must be ${or} ${max}`;
    }
    case 'too_small': {
      const min = String(i.minimum);
      const or = i.inclusive === false ? 'more than' : 'at least';
      if (i.origin === 'string') return Number(min) === 1 ? 'must not be empty' : `must be ${or} ${min} characters`;
      if (i.origin === 'array' || i.origin === 'set') return `must have ${or} ${min} item${min === '1' ? '' : 's'}`;
      return `must be ${or} ${min}`;
    }
    case 'invalid_value':
      return `must be one of ${(i.values as unknown[]).map(String).join(', ')} (got ${JSON.stringify(iss.input)})`;
    case 'invalid_format':
      return `is not in the expected format${i.pattern ? ` ${String(i.pattern)}` : ''}`;
    case 'invalid_union':
      return `has the wrong type (got ${describeType(iss.input)})`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(i.divisor)}`;
    default:
      return undefined;
  }
};

function valueAt(value: unknown, path: readonly Segment[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

/** Rule messages start in lower case ("must …") and read after the parameter name. */
const withLabel = (path: string, message: string) =>
  /^[a-z]/.test(message) ? `${path || 'the parameters'} ${message}` : message;

/** Suggests the right spelling when an unknown key differs only in case (RPC names are case-sensitive). */
function unknownKeyMessage(key: string, known: readonly string[]): string {
  const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
  return near
    ? `unknown parameter ${key} (did you mean ${near}? parameter names are case-sensitive)`
    : `unknown parameter ${key}`;
}

/** The keys the object at `path` of a request schema accepts (for spelling hints). */
function keysAt(schema: z.ZodType, path: readonly Segment[]): string[] {
  let s: z.ZodType | undefined = core(schema);
  for (const seg of path) {
    if (!s) return [];
    const def = defOf(s);
    const next: z.ZodType | undefined =
      def.type === 'object' ? (def.shape as Record<string, z.ZodType>)[String(seg)] : def.type === 'array' ? (def.element as z.ZodType) : undefined;
    s = next ? core(next) : undefined;
  }
  return s && defOf(s).type === 'object' ? Object.keys(defOf(s).shape as object) : [];
}

/**
 * Validates a request body (JSON shape) against an action's request schema.
 * Returns the parsed parameters, or every issue with its JSON path and a
 * message that names the parameter and says what is wrong.
 *
 * @example
 * ```ts
 * validateRequest(catalog.DescribeCens, { Filter: [{ Key: 'Status', Value: ['Active'] }], pagesize: 5 });
 * // { ok: false, issues: [
 * //   { path: 'Filter[0].Key', message: 'Filter[0].Key must be one of CenId, Name (FilterKey.NotSupport)' },
 * //   { path: 'pagesize', message: 'unknown parameter pagesize (did you mean PageSize? …)' } ] }
 * ```
 */
export function validateRequest<S extends Pick<ActionSpec, 'request'>>(
  spec: S,
  value: unknown,
): ValidationResult<z.output<S['request']>> {
  const r = spec.request.safeParse(value, { error: errorMap });
  if (r.success) return { ok: true, data: r.data as z.output<S['request']> };
  const issues: Issue[] = [];
  for (const iss of r.error.issues) {
    if (iss.code === 'unrecognized_keys') {
      const known = keysAt(spec.request, iss.path);
      for (const key of iss.keys) issues.push({ path: issuePath([...iss.path, key]), message: unknownKeyMessage(key, known) });
      continue;
    }
    const path = issuePath(iss.path);
    // A missing parameter fails whatever check comes first (type, enum, union); say what is really wrong.
    const missing = iss.code !== 'custom' && iss.path.length > 0 && valueAt(value, iss.path) === undefined;
    issues.push({ path, message: withLabel(path, missing ? 'is required' : iss.message) });
  }
  return { ok: false, issues };
}
