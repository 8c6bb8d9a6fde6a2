/**
 * A response normaliser compiled once per schema from the catalogue's zod
 * response schema: one pass over an upstream answer that checks it and
 * coerces it (text numbers and booleans, list wrappers, exact account IDs)
 * exactly as the schema's `safeParse` would, at a fraction of the cost.
 *
 * Why: a 500-route page took zod about 1.2–1.8 ms of a Worker's CPU (Workers
 * allow no `new Function`, so zod runs its general interpreter: a payload
 * object and an issue list per value, bookkeeping per key). The compiled
 * closures take about 0.2 ms for it, because on the path that matters (a
 * valid answer) they build no issue and copy only what changes: an answer
 * already in the output form (JSON from Alibaba, mostly) comes back as the
 * same objects. When the fast path refuses an answer, `parseResponse` asks
 * zod itself, so the issues (and the verdict) are always zod's.
 *
 * The closures follow zod's own runtime (node_modules/zod/v4/core/schemas.js)
 * rule for rule: object key order (declared keys in shape order, then unknown
 * keys in input order), absent and optional keys (`optin`/`optout`), unions
 * (the first option that passes), pipes, transforms and checks, and a fresh,
 * plain object or array wherever the output differs from the input. Anything
 * they do not model (defaults, catch, lazy, records, string formats,
 * coercion …) is handed to zod for that part of the schema only, so the
 * result is still zod's. compile-response.test.ts holds them to that, answer
 * by answer, on every action and on generated odd answers. No `new Function`
 * or eval: Workers forbid both.
 *
 * The inputs are values as `JSON.parse` and `decodeXml` make them: own,
 * enumerable data properties. The normaliser never changes its input, but
 * its output may share unchanged parts with it (as zod's does for unknown keys).
 */
import * as z from 'zod';
import { defOf, internalsOf, type Def } from './zod-def.js';

/** What a compiled normaliser returns for a value its schema refuses. */
export const REJECT: unique symbol = Symbol('rejected by the response schema');

/** Checks and normalises one value: the schema's output, or {@link REJECT}. */
export type Normaliser = (value: unknown) => unknown;

/** An object's normaliser; `raw: false` when its preprocess step has already run. */
type ObjectNormaliser = (value: unknown, raw?: boolean) => unknown;

type Payload = { value: unknown; issues: unknown[] };
type Check = { _zod: { def: { when?: (p: Payload) => boolean }; check: (p: Payload) => unknown } };

const identity: Normaliser = (v) => v;

/** Any issue of a transform fails the value; the object stands in for zod's payload. */
class TransformCtx {
  value: unknown = undefined;
  issues: unknown[] = [];
  addIssue(issue: unknown): void {
    this.issues.push(issue);
  }
}

/**
 * One transform (`.transform()`, `z.preprocess`), called as zod calls it:
 * `fn(value, payload)`. Any issue it adds refuses the value; so does a
 * promise (zod's synchronous safeParse throws for an async transform: zod
 * then says so itself).
 */
class TransformStep {
  private ctx = new TransformCtx();
  constructor(private readonly fn: (v: unknown, ctx: TransformCtx) => unknown) {}
  apply(v: unknown): unknown {
    // One payload stand-in, reused: nothing here runs re-entrantly. A fresh one after any issue.
    let ctx = this.ctx;
    if (ctx.issues.length !== 0) ctx = this.ctx = new TransformCtx();
    ctx.value = v;
    const x = this.fn(v, ctx);
    // Not kept past the call: it may be a whole answer.
    ctx.value = undefined;
    if (ctx.issues.length !== 0) return REJECT;
    return x instanceof Promise ? REJECT : x;
  }
}

/** zod itself, for a part of a schema the closures do not model. */
function viaZod(schema: z.ZodType): Normaliser {
  return (v) => {
    const r = z.safeParse(schema, v);
    return r.success ? r.data : REJECT;
  };
}

/** A regex check with nothing else to it: tested inline, as zod's `$ZodCheckRegex` does. */
function plainRegex(ch: Check): RegExp | undefined {
  const zc = internalsOf(ch);
  const d = zc.def as Def & { pattern?: unknown; when?: unknown };
  return zc.traits.has('$ZodCheckRegex') && !d.when && d.pattern instanceof RegExp ? d.pattern : undefined;
}

/** Runs a schema's checks after its own parse, as zod's `runChecks` does; any issue refuses. */
function withChecks(run: Normaliser, checks: readonly Check[]): Normaliser {
  if (checks.length === 1) {
    const re = plainRegex(checks[0]!);
    if (re) {
      return (v) => {
        const r = run(v);
        if (r === REJECT) return REJECT;
        re.lastIndex = 0;
        return re.test(r as string) ? r : REJECT;
      };
    }
  }
  return (v) => {
    const r = run(v);
    if (r === REJECT) return REJECT;
    const payload: Payload = { value: r, issues: [] };
    for (const ch of checks) {
      const when = ch._zod.def.when;
      if (when && !when(payload)) continue;
      const out = ch._zod.check(payload);
      if (out instanceof Promise || payload.issues.length) return REJECT;
    }
    return payload.value;
  };
}

const cache = new WeakMap<z.ZodType, Normaliser>();

/**
 * The normaliser of a schema, compiled on first use and cached.
 *
 * @example
 * ```ts
 * const norm = compileResponse(catalog.DescribeCens.response);
 * norm({ RequestId: 'r', TotalCount: '1', PageNumber: 1, PageSize: 10 });
 * // { RequestId: 'r', TotalCount: 1, PageNumber: 1, PageSize: 10, Cens: { Cen: [] } }
 * norm({ TotalCount: 1 }); // REJECT (RequestId is required)
 * ```
 */
export function compileResponse(schema: z.ZodType): Normaliser {
  let norm = cache.get(schema);
  if (!norm) cache.set(schema, (norm = compile(schema)));
  return norm;
}

/**
 * `schema.safeParse(value)` with the compiled fast path first: the same
 * verdict and output; on a refusal, zod's own result (issues and all).
 *
 * @example
 * ```ts
 * const r = parseResponse(catalog.DescribeCens.response, decoded);
 * if (!r.success) console.log(r.error.issues); // exactly zod's issues
 * ```
 */
export function parseResponse<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const norm = compileResponse(schema);
  let out: unknown = REJECT;
  try {
    out = norm(value);
  } catch {
    // A transform or check that throws: zod decides (and throws the same, if it does).
  }
  if (out !== REJECT) return { success: true, data: out as z.output<S> };
  return schema.safeParse(value) as z.ZodSafeParseResult<z.output<S>>;
}

function compile(schema: z.ZodType): Normaliser {
  const zi = internalsOf(schema);
  const d = zi.def;
  const checks = (d.checks as Check[] | undefined) ?? [];
  // A schema that is itself a check (string formats, z.int()) is zod's to run.
  if (zi.traits.has('$ZodCheck') || d.coerce) return viaZod(schema);
  const run = compileType(schema, d);
  if (!run) return viaZod(schema);
  return checks.length ? withChecks(run, checks) : run;
}

function compileType(schema: z.ZodType, d: Def): Normaliser | undefined {
  switch (d.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : REJECT);
    case 'number':
      // Number.isFinite is false for NaN too.
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : REJECT);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : REJECT);
    case 'null':
      return (v) => (v === null ? v : REJECT);
    case 'unknown':
    case 'any':
      return identity;
    case 'enum':
    case 'literal': {
      const values = internalsOf(schema).values;
      return values ? (v) => (values.has(v) ? v : REJECT) : undefined;
    }
    case 'optional': {
      const inner = compile(d.innerType as z.ZodType);
      // Only a defaulted inner schema has anything to say about an absent value.
      if (internalsOf(d.innerType).optin !== 'defaulted') return (v) => (v === undefined ? undefined : inner(v));
      return (v) => {
        const r = inner(v);
        return v === undefined && r === REJECT ? undefined : r;
      };
    }
    case 'nullable': {
      const inner = compile(d.innerType as z.ZodType);
      return (v) => (v === null ? null : inner(v));
    }
    case 'pipe': {
      const ind = internalsOf(d.in);
      const outz = internalsOf(d.out);
      const plainIn = ind.def.type === 'transform' && !ind.traits.has('$ZodCheck') && !(ind.def.checks as unknown[] | undefined)?.length;
      const plainOut = !outz.traits.has('$ZodCheck') && !outz.def.coerce && !(outz.def.checks as unknown[] | undefined)?.length;
      if (plainIn) {
        const step = new TransformStep(ind.def.transform as (v: unknown, ctx: TransformCtx) => unknown);
        // z.preprocess in front of an object or array (every list wrapper is two of these): one step.
        if (plainOut && outz.def.type === 'object') {
          const fused = compileObject(outz.def, step);
          if (fused) {
            const wrapper = compileWrapper(outz.def, step, fused);
            return wrapper ?? fused;
          }
        }
        if (plainOut && outz.def.type === 'array') {
          const el = outz.def.element as z.ZodType;
          return compileArray(compile(el), leafOf(el), step);
        }
        const b = compile(d.out as z.ZodType);
        return (v) => {
          const x = step.apply(v);
          return x === REJECT ? REJECT : b(x);
        };
      }
      const a = compile(d.in as z.ZodType);
      const b = compile(d.out as z.ZodType);
      return (v) => {
        const x = a(v);
        return x === REJECT ? REJECT : b(x);
      };
    }
    case 'transform': {
      const step = new TransformStep(d.transform as (v: unknown, ctx: TransformCtx) => unknown);
      return (v) => step.apply(v);
    }
    case 'union':
      return compileUnion((d.options as z.ZodType[]).map(compile));
    case 'array':
      return compileArray(compile(d.element as z.ZodType), leafOf(d.element as z.ZodType));
    case 'object':
      return compileObject(d);
    default:
      return undefined;
  }
}

/** zod tries the options in order and keeps the first that passes. */
function compileUnion(opts: Normaliser[]): Normaliser {
  if (opts.length === 1) return opts[0]!;
  if (opts.length === 2) {
    const [a, b] = opts as [Normaliser, Normaliser];
    return (v) => {
      const r = a(v);
      return r !== REJECT ? r : b(v);
    };
  }
  return (v) => {
    for (const o of opts) {
      const r = o(v);
      if (r !== REJECT) return r;
    }
    return REJECT;
  };
}

/** The inner schema of an `.optional()` that adds nothing else (no checks, a non-defaulted inner). */
function plainOptionalInner(schema: z.ZodType): z.ZodType | undefined {
  const zi = internalsOf(schema);
  if (zi.def.type !== 'optional' || zi.traits.has('$ZodCheck') || (zi.def.checks as unknown[] | undefined)?.length) return undefined;
  const inner = zi.def.innerType as z.ZodType;
  return internalsOf(inner).optin === 'defaulted' ? undefined : inner;
}

/**
 * A string, number or boolean schema with nothing else to it (no checks, no
 * coercion), possibly optional: its value comes out unchanged when it passes.
 */
function leafOf(schema: z.ZodType): { type: 'string' | 'number' | 'boolean'; optional: boolean } | undefined {
  let s = schema;
  let optional = false;
  const plain = (x: z.ZodType) => {
    const zi = internalsOf(x);
    return !zi.traits.has('$ZodCheck') && !zi.def.coerce && !(zi.def.checks as unknown[] | undefined)?.length;
  };
  if (defOf(s).type === 'optional' && plain(s)) {
    s = defOf(s).innerType as z.ZodType;
    optional = true;
  }
  const t = defOf(s).type;
  return (t === 'string' || t === 'number' || t === 'boolean') && plain(s) ? { type: t, optional } : undefined;
}

/**
 * A wrapper (Alibaba's `{"Cens":{"Cen":[…]}}`): an object whose one declared
 * key holds a preprocessed array, itself preprocessed. The common case — a
 * plain object holding just that key — is handled here in one step; anything
 * else goes to the object's own normaliser (`whole`).
 */
function compileWrapper(d: Def, pre: TransformStep, whole: ObjectNormaliser): Normaliser | undefined {
  const shape = d.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  if (keys.length !== 1 || keys[0] === '__proto__' || keys[0]! in Object.prototype) return undefined;
  const item = keys[0]!;
  const field = internalsOf(shape[item]);
  const fd = field.def;
  if (fd.type !== 'pipe' || (fd.checks as unknown[] | undefined)?.length || field.traits.has('$ZodCheck')) return undefined;
  const ind = internalsOf(fd.in);
  const outz = internalsOf(fd.out);
  if (ind.def.type !== 'transform' || (ind.def.checks as unknown[] | undefined)?.length || ind.traits.has('$ZodCheck')) return undefined;
  if (outz.def.type !== 'array' || (outz.def.checks as unknown[] | undefined)?.length || outz.traits.has('$ZodCheck')) return undefined;
  const step = new TransformStep(ind.def.transform as (v: unknown, ctx: TransformCtx) => unknown);
  const el = outz.def.element as z.ZodType;
  const arr = compileArray(compile(el), leafOf(el));
  return (v0) => {
    const v = pre.apply(v0);
    if (v === REJECT) return REJECT;
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return whole(v, false);
    let seen = 0;
    for (const k in v) if (seen++ !== 0 || k !== item) return whole(v, false);
    if (seen === 0) return whole(v, false);
    const a0 = (v as Record<string, unknown>)[item];
    const a = step.apply(a0);
    if (a === REJECT) return REJECT;
    const r = arr(a);
    if (r === REJECT) return REJECT;
    if (r === a0) return v;
    const out: Record<string, unknown> = {};
    out[item] = r;
    return out;
  };
}

/**
 * Copy on write: an array whose items all come out unchanged is returned as
 * it is. zod's output is always a new, dense, plain array, so an array with
 * holes or of another class is copied.
 */
function compileArray(el: Normaliser, leaf: ReturnType<typeof leafOf>, pre?: TransformStep): Normaliser {
  const copy = (v: unknown[], n: number): unknown[] => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = v[i];
    return out;
  };
  if (leaf) {
    // Items of a plain leaf type come out unchanged: only check them.
    const { type, optional } = leaf;
    return (v0) => {
      const v = pre === undefined ? v0 : pre.apply(v0);
      if (!Array.isArray(v)) return REJECT;
      const n = v.length;
      let same = Object.getPrototypeOf(v) === Array.prototype;
      for (let i = 0; i < n; i++) {
        const x: unknown = v[i];
        if (typeof x !== type) {
          if (x !== undefined || !optional) return REJECT;
          if (!(i in v)) same = false;
        } else if (type === 'number' && !Number.isFinite(x)) return REJECT;
      }
      return same ? v : copy(v, n);
    };
  }
  return (v0) => {
    const v = pre === undefined ? v0 : pre.apply(v0);
    if (!Array.isArray(v)) return REJECT;
    const n = v.length;
    let out = Object.getPrototypeOf(v) === Array.prototype ? undefined : copy(v, 0);
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      const r = el(x);
      if (r === REJECT) return REJECT;
      if (out !== undefined) out.push(r);
      else if (r !== x || (x === undefined && !(i in v))) {
        out = copy(v, i);
        out.push(r);
      }
    }
    return out ?? v;
  };
}

// How an absent key is handled, from zod's `handlePropertyResult`:
/** optional in and out: the key is left out, whatever the schema makes of undefined. */
const SKIP = 0;
/** Not optional: a missing key refuses the object. */
const REQUIRED = 1;
/** Run the schema on undefined and keep what it gives (preprocess, default). */
const FILL = 2;

// What one key of an input is to its object schema (a layout position):
/** An undeclared key that is kept (a loose object). */
const EXTRA = -1;
/** A key the output leaves out (a stripped unknown key, `__proto__`). */
const DROP = -2;

// How a position's value is checked in a `fast` layout.
const K_CALL = 0;
const K_STRING = 1;
const K_NUMBER = 2;
const K_BOOLEAN = 3;
const K_EXTRA = 4;
const K_DROP = 5;

/** A layout that did not match the object at hand. */
const MISMATCH: unique symbol = Symbol('another layout');

/**
 * What an object schema makes of one sequence of input keys (the order
 * `for…in` gives them). Objects decoded from the same answer mostly share a
 * few layouts, so each is worked out once and then matched key by key, which
 * costs far less than looking every key up.
 */
interface Layout {
  keys: string[];
  /** Per position: the declared key's index in the shape, EXTRA or DROP. */
  field: Int32Array;
  /** Per position: how its value is checked (K_…), and for a leaf whether undefined passes. */
  kinds: Uint8Array;
  optional: Uint8Array;
  /** Nothing dropped or filled in: the output's keys are the input's, so a copy can be made in one go. */
  spread: boolean;
  /** Per declared key: whether the input has it. */
  present: boolean[];
  /** Per position (and one past the end): declared keys that are absent but filled in (FILL), to run before it. */
  fills: (number[] | undefined)[];
  /**
   * `fast`: declared keys in shape order and before any kept unknown key, so
   * the output has the input's key order and can be the input itself when
   * nothing changes. `reorder`: any other order. `reject`: a required key is
   * missing, or a strict object has an unknown key.
   */
  kind: 'fast' | 'reorder' | 'reject';
}

/** Layouts kept per object schema; more distinct ones than this evict the oldest. */
const MAX_LAYOUTS = 16;

function compileObject(d: Def, pre?: TransformStep): ObjectNormaliser | undefined {
  const shape = d.shape as Record<string, z.ZodType>;
  // Symbol keys never come from JSON or XML, but zod would walk them: leave such a schema to zod.
  if (Object.getOwnPropertySymbols(shape).length) return undefined;
  const allKeys = Object.keys(shape);
  const keySet = new Set(allKeys);
  // zod never reads or writes a declared __proto__ key.
  const keys = allKeys.filter((k) => k !== '__proto__');
  const n = keys.length;
  const index = new Map(keys.map((k, i) => [k, i]));
  const runs: Normaliser[] = [];
  /** What a present (not undefined) value goes through: for a plain `.optional()`, its inner schema, a call saved. */
  const presentRuns: Normaliser[] = [];
  for (const k of keys) {
    const inner = plainOptionalInner(shape[k]!);
    if (inner) {
      const run = compile(inner);
      runs.push((v) => (v === undefined ? undefined : run(v)));
      presentRuns.push(run);
    } else {
      const run = compile(shape[k]!);
      runs.push(run);
      presentRuns.push(run);
    }
  }
  // Plain leaves are checked inline in the layout paths, which saves a call per value.
  const leaves = keys.map((k) => leafOf(shape[k]!));
  const leafType = leaves.map((l) => l?.type ?? '');
  const leafOptional = leaves.map((l) => l?.optional ?? false);
  const absent: number[] = [];
  /** optin defined and optout optional: a refusal of an absent key is ignored. */
  const ignoreAbsentRefusal: boolean[] = [];
  /** optin `defaulted`, optout not optional: an absent key that yields undefined is still set. */
  const keepAbsentUndefined: boolean[] = [];
  for (const k of keys) {
    const { optin, optout } = internalsOf(shape[k]);
    absent.push(optin === 'optional' && optout === 'optional' ? SKIP : optin === undefined ? REQUIRED : FILL);
    ignoreAbsentRefusal.push(optin !== undefined && optout === 'optional');
    keepAbsentUndefined.push(optin === 'defaulted' && optout !== 'optional');
  }
  const catchall = d.catchall as z.ZodType | undefined;
  const cd = catchall ? defOf(catchall) : undefined;
  const mode =
    !cd ? 'strip'
    : cd.type === 'never' ? 'strict'
    : (cd.type === 'unknown' || cd.type === 'any') && !(cd.checks as unknown[] | undefined)?.length ? 'loose'
    : 'each';
  const each = mode === 'each' ? compile(catchall!) : undefined;
  // zod reads declared keys with `key in input`, which sees inherited keys; layouts see own keys only,
  // so a declared key that Object.prototype also has (`constructor`) takes the general path.
  const useLayouts = mode !== 'each' && !keys.some((k) => k in Object.prototype);

  /** zod's object parse, key by key: for any input, and for layouts that need reordering. */
  const general = (input: Record<string, unknown>): unknown => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const x = input[key];
      let present = true;
      if (x === undefined && !(key in input)) {
        present = false;
        const a = absent[i];
        if (a === SKIP) continue;
        if (a === REQUIRED) return REJECT;
      }
      const r = runs[i]!(x);
      if (r === REJECT) {
        if (!present && ignoreAbsentRefusal[i]) continue;
        return REJECT;
      }
      if (r !== undefined) out[key] = r;
      else if (present || keepAbsentUndefined[i]) out[key] = undefined;
    }
    if (mode === 'strip') return out;
    for (const key in input) {
      if (keySet.has(key)) continue;
      if (mode === 'strict') return REJECT;
      // Copying an undeclared __proto__ would replace the result's prototype; zod skips it.
      if (key === '__proto__') continue;
      if (mode === 'loose') out[key] = input[key];
      else {
        const r = each!(input[key]);
        if (r === REJECT) return REJECT;
        out[key] = r;
      }
    }
    return out;
  };

  /** An absent FILL key: runs its schema on undefined; false when zod would refuse the object. */
  const fillInto = (out: Record<string, unknown>, i: number): boolean => {
    const r = runs[i]!(undefined);
    if (r === REJECT) return ignoreAbsentRefusal[i]!;
    if (r !== undefined || keepAbsentUndefined[i]) out[keys[i]!] = r;
    return true;
  };

  /** The output so far when the first change comes at position `j`: the input's kept keys before it. */
  const copyBefore = (input: Record<string, unknown>, L: Layout, j: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let p = 0; p < j; p++) if (L.field[p] !== DROP) out[L.keys[p]!] = input[L.keys[p]!];
    return out;
  };

  let last: Layout | undefined;
  /** A `reorder` layout: values read in input order, the output built in shape order. */
  const reorder = (input: Record<string, unknown>, L: Layout): unknown => {
    const lk = L.keys;
    const field = L.field;
    const res = new Array<unknown>(n);
    let j = 0;
    for (const k in input) {
      if (k !== lk[j]) return MISMATCH;
      const f = field[j]!;
      if (f >= 0) {
        const x = input[k];
        const r = x === undefined ? runs[f]!(x) : presentRuns[f]!(x);
        if (r === REJECT) return REJECT;
        res[f] = r;
      }
      j++;
    }
    if (j !== lk.length) return MISMATCH;
    const out: Record<string, unknown> = {};
    const present = L.present;
    for (let i = 0; i < n; i++) {
      if (present[i]) out[keys[i]!] = res[i];
      else if (absent[i] === FILL && !fillInto(out, i)) return REJECT;
    }
    if (mode === 'loose') {
      for (let p = 0; p < lk.length; p++) if (field[p] === EXTRA) out[lk[p]!] = input[lk[p]!];
    }
    return out;
  };

  const layoutFor = (inputKeys: string[]): Layout => {
    const m = inputKeys.length;
    const field = new Int32Array(m);
    const present = new Array<boolean>(n).fill(false);
    let reject = false;
    let inOrder = true;
    let lastField = -1;
    let sawExtra = false;
    for (let p = 0; p < m; p++) {
      const k = inputKeys[p]!;
      const i = index.get(k);
      if (i !== undefined) {
        field[p] = i;
        present[i] = true;
        if (i < lastField || sawExtra) inOrder = false;
        lastField = i;
      } else if (keySet.has(k) || k === '__proto__') {
        // A declared __proto__ is skipped; an undeclared one is unknown to a strict object.
        field[p] = DROP;
        if (mode === 'strict' && !keySet.has(k)) reject = true;
      } else if (mode === 'strict') {
        field[p] = DROP;
        reject = true;
      } else if (mode === 'strip') {
        field[p] = DROP;
      } else {
        field[p] = EXTRA;
        sawExtra = true;
      }
    }
    const fills: (number[] | undefined)[] = new Array(m + 1).fill(undefined);
    for (let i = 0; i < n; i++) {
      if (present[i]) continue;
      if (absent[i] === REQUIRED) reject = true;
      if (absent[i] !== FILL) continue;
      // In a `fast` layout: before the first declared key that comes after it in the shape,
      // or else before the first kept unknown key (zod adds those after every declared key).
      let p = 0;
      while (p < m && !(field[p]! > i) && field[p] !== EXTRA) p++;
      (fills[p] ??= []).push(i);
    }
    const kinds = new Uint8Array(m);
    const optional = new Uint8Array(m);
    for (let p = 0; p < m; p++) {
      const f = field[p]!;
      if (f === EXTRA) kinds[p] = K_EXTRA;
      else if (f === DROP) kinds[p] = K_DROP;
      else {
        const t = leafType[f];
        kinds[p] = t === 'string' ? K_STRING : t === 'number' ? K_NUMBER : t === 'boolean' ? K_BOOLEAN : K_CALL;
        optional[p] = leafOptional[f] ? 1 : 0;
      }
    }
    // A layout with nothing to drop or fill in: a change can copy the whole input and overwrite.
    const spread = !field.includes(DROP) && fills.every((f) => f === undefined);
    return { keys: inputKeys, field, kinds, optional, present, fills, spread, kind: reject ? 'reject' : inOrder ? 'fast' : 'reorder' };
  };

  const layouts: Layout[] = [];
  const findLayout = (input: Record<string, unknown>): Layout => {
    const inputKeys: string[] = [];
    for (const k in input) inputKeys.push(k);
    search: for (const L of layouts) {
      if (L.keys.length !== inputKeys.length) continue;
      for (let p = 0; p < inputKeys.length; p++) if (L.keys[p] !== inputKeys[p]) continue search;
      return L;
    }
    const L = layoutFor(inputKeys);
    if (layouts.length >= MAX_LAYOUTS) layouts.shift();
    layouts.push(L);
    return L;
  };

  /** Any object: finds (or works out) its layout, and makes it the one tried first when it is `fast`. */
  const slow = (input: Record<string, unknown>): unknown => {
    // Only plain objects are matched by layout: zod sees inherited keys too (`key in input`),
    // and its output is always a plain object, which such an input can stand in for.
    if (!useLayouts || Object.getPrototypeOf(input) !== Object.prototype) return general(input);
    const L = findLayout(input);
    if (L.kind === 'reject') return REJECT;
    if (L.kind === 'reorder') {
      const r = reorder(input, L);
      return r === MISMATCH ? general(input) : r;
    }
    last = L;
    return run(input, false);
  };

  /**
   * The last `fast` layout, tried first: one pass in input order, copying only
   * from the first change on, so an object already in output form is
   * returned as it is.
   */
  const run = (v0: unknown, raw = true): unknown => {
    const v = pre === undefined || !raw ? v0 : pre.apply(v0);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return REJECT;
    const input = v as Record<string, unknown>;
    const L = last;
    if (L === undefined || Object.getPrototypeOf(input) !== Object.prototype) return slow(input);
    const lk = L.keys;
    const field = L.field;
    const kinds = L.kinds;
    const optional = L.optional;
    const fills = L.fills;
    let out: Record<string, unknown> | undefined;
    /** Whether `out` is being built key by key (so every kept key is written), not a full copy. */
    let building = false;
    let j = 0;
    for (const k in input) {
      if (k !== lk[j]) return slow(input);
      const fl = fills[j];
      if (fl !== undefined) {
        if (out === undefined) {
          out = copyBefore(input, L, j);
          building = true;
        }
        for (const i of fl) if (!fillInto(out, i)) return REJECT;
      }
      const x = input[k];
      const kd = kinds[j];
      if (kd === K_STRING) {
        if (typeof x !== 'string' && (x !== undefined || !optional[j])) return REJECT;
        if (building) out![k] = x;
      } else if (kd === K_CALL) {
        const f = field[j]!;
        const r = x === undefined ? runs[f]!(x) : presentRuns[f]!(x);
        if (r === REJECT) return REJECT;
        if (building || (r !== x && out !== undefined)) out![k] = r;
        else if (r !== x) {
          // The first change: a copy of the input (all its keys, when they all stay), or of what came before.
          if (L.spread) out = { ...input };
          else {
            out = copyBefore(input, L, j);
            building = true;
          }
          out[k] = r;
        }
      } else if (kd === K_NUMBER) {
        if (typeof x === 'number' ? !Number.isFinite(x) : x !== undefined || !optional[j]) return REJECT;
        if (building) out![k] = x;
      } else if (kd === K_BOOLEAN) {
        if (typeof x !== 'boolean' && (x !== undefined || !optional[j])) return REJECT;
        if (building) out![k] = x;
      } else if (kd === K_EXTRA) {
        if (building) out![k] = x;
      } else if (out === undefined) {
        out = copyBefore(input, L, j);
        building = true;
      }
      j++;
    }
    if (j !== lk.length) return slow(input);
    const fl = fills[j];
    if (fl !== undefined) {
      out ??= copyBefore(input, L, j);
      for (const i of fl) if (!fillInto(out, i)) return REJECT;
    }
    return out ?? input;
  };
  return run;
}
