import { describe, expect, test } from 'vitest';
import * as fc from 'fast-check';
import * as z from 'zod';
import { catalog, type ActionName } from './catalog.js';
import { ACTION_NAMES } from './index.js';
import { compileResponse, parseResponse, REJECT } from './compile-response.js';
import * as s from './schema.js';
import { asXmlText, RESPONSE_SAMPLES } from './testing/samples.js';

/** Own keys at every depth, in order: toStrictEqual does not look at key order, the answer's JSON does. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shapeOf);
  if (v && typeof v === 'object') return Object.keys(v).map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]);
  return typeof v === 'number' && Object.is(v, -0) ? '-0' : v;
}

/** A deep copy keeping own `__proto__` keys, undefined values and key order, to see that nothing was changed. */
function snapshot(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snapshot);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: snapshot((v as Record<string, unknown>)[k]), enumerable: true });
    return out;
  }
  return v;
}

/**
 * The heart of it: the compiled normaliser on its own (no zod fallback) gives
 * exactly zod's verdict and output, and leaves its input as it was.
 */
function expectSameAsZod(schema: z.ZodType, value: unknown, label = ''): boolean {
  const before = shapeOf(snapshot(value));
  const byZod = schema.safeParse(value);
  const fast = compileResponse(schema)(value);
  expect(shapeOf(snapshot(value)), `${label}: the input was changed`).toEqual(before);
  if (!byZod.success) {
    expect(fast, `${label}: zod refuses, the normaliser must too (${byZod.error.issues[0]?.message})`).toBe(REJECT);
    const r = parseResponse(schema, value);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues).toEqual(byZod.error.issues);
    return false;
  }
  expect(fast, `${label}: zod accepts, the normaliser refused`).not.toBe(REJECT);
  expect(fast, label).toStrictEqual(byZod.data);
  expect(shapeOf(fast), `${label}: key order`).toEqual(shapeOf(byZod.data));
  expect(JSON.stringify(fast)).toBe(JSON.stringify(byZod.data));
  const r = parseResponse(schema, value);
  expect(r.success && r.data).toStrictEqual(byZod.data);
  return true;
}

/** A small seeded PRNG, so that a failing mutation can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

/** Values that upset a schema: wrong types, numbers as text, big IDs, list shapes Alibaba and XML produce. */
const ODD_VALUES: unknown[] = [
  '', ' ', 'x', '0', '10', '-3', '1.5', '1e3', '007', 'NaN', 'true', 'false', 'True', '9188000000000002', '12345678901234567890',
  0, -0, 1, -1, 1.5, 2 ** 53 + 2, 9188000000000002, 1e21, true, false, null, undefined, [], [''], ['a', 'b'], {}, { x: 1 },
];

function shuffled<T>(r: Rng, xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A copy of an answer with a few random changes anywhere in it: keys
 * dropped, added (unknown, `__proto__`, `constructor`, numeric), reordered;
 * values replaced by odd ones; lists emptied, repeated (with varied
 * layouts), unwrapped to a single item, or their wrapper made '' or null.
 */
function mutate(v: unknown, r: Rng, rate: number): unknown {
  if (r.chance(rate / 4)) return r.pick(ODD_VALUES);
  if (Array.isArray(v)) {
    let items = v.map((x) => mutate(x, r, rate));
    if (r.chance(rate) && items.length) {
      // Many items, each changed its own way: the normaliser's layouts change from item to item.
      items = Array.from({ length: 2 + Math.floor(r.next() * 6) }, () => mutate(r.pick(v), r, rate));
    }
    if (r.chance(rate / 2)) return items[0]; // a one-item list that lost its array
    if (r.chance(rate / 4)) return [];
    return items;
  }
  if (v && typeof v === 'object') {
    let entries = Object.entries(v).map(([k, x]) => [k, mutate(x, r, rate)] as [string, unknown]);
    if (r.chance(rate) && entries.length) entries.splice(Math.floor(r.next() * entries.length), 1);
    if (r.chance(rate)) entries.push([r.pick(['Extra', 'constructor', 'toString', '1', 'zz', 'RequestId', 'Cens']), r.pick(ODD_VALUES)]);
    if (r.chance(rate / 2)) entries = shuffled(r, entries);
    const out: Record<string, unknown> = {};
    for (const [k, x] of entries) Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    if (r.chance(rate / 4)) Object.defineProperty(out, '__proto__', { value: { polluted: 1 }, enumerable: true, writable: true, configurable: true });
    // Not a plain object: zod sees inherited keys too (`key in input`).
    if (r.chance(rate / 8)) Object.setPrototypeOf(out, r.pick([null, { Inherited: 1 }, { RequestId: 'R-inherited', TotalCount: 3, Tag: [] }]));
    return out;
  }
  if (typeof v === 'number' && r.chance(rate)) return r.pick([String(v), v + 0.5, 2 ** 60, -v]);
  if (typeof v === 'boolean' && r.chance(rate)) return String(v);
  return v;
}

/** JSON's own view of a value (what the Worker decodes): undefined gone, own `__proto__` kept by JSON.parse. */
const viaJson = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v) ?? 'null'));

const responses = ACTION_NAMES.map((name) => [name, catalog[name].response as z.ZodType] as const);

describe('compiled response normaliser: the catalogue', () => {
  test.each(responses)('%s: the sample answer, as JSON and as XML text, comes out as zod gives it', (name, schema) => {
    const sample = RESPONSE_SAMPLES[name as ActionName];
    expect(expectSameAsZod(schema, sample, 'json')).toBe(true);
    expect(expectSameAsZod(schema, viaJson(sample), 'json, parsed')).toBe(true);
    expect(expectSameAsZod(schema, asXmlText(sample), 'xml text')).toBe(true);
  });

  test.each(responses)('%s: an empty body, missing and empty lists, null and wrong-typed bodies', (_name, schema) => {
    for (const v of [{}, { RequestId: 'R' }, { RequestId: 'R', TotalCount: '0', PageNumber: '1', PageSize: '10' }, null, undefined, [], 'x', 1]) {
      expectSameAsZod(schema, v, JSON.stringify(v));
    }
  });

  test.each(responses)('%s: objects that are not plain at some depth (null or another prototype)', (name, schema) => {
    const reshape = (v: unknown, proto: object | null, at: number, depth = 0): unknown => {
      if (Array.isArray(v)) return v.map((x) => reshape(x, proto, at, depth + 1));
      if (!v || typeof v !== 'object') return v;
      const out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reshape(x, proto, at, depth + 1)]));
      return depth === at ? Object.setPrototypeOf(out, proto) : out;
    };
    for (const at of [0, 1, 2, 3, 4]) {
      for (const proto of [null, { Inherited: 1 }, Object.create(null) as object]) {
        expectSameAsZod(schema, reshape(RESPONSE_SAMPLES[name as ActionName], proto, at), `depth ${at}`);
      }
    }
  });

  test('2,000 answers changed at random, per action: same verdict and same output as zod', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...ACTION_NAMES), fc.integer(), fc.boolean(), fc.constantFrom(0.05, 0.15, 0.4), (name, seed, xml, rate) => {
        const schema = catalog[name].response as z.ZodType;
        const base = xml ? asXmlText(RESPONSE_SAMPLES[name]) : RESPONSE_SAMPLES[name];
        const value = mutate(base, rng(seed), rate);
        const ok = expectSameAsZod(schema, value, `${name} seed ${seed} rate ${rate} xml ${xml}`);
        expectSameAsZod(schema, viaJson(value), `${name} seed ${seed} (JSON) rate ${rate} xml ${xml}`);
        if (ok) accepted++;
        else refused++;
      }),
      { numRuns: 2000 },
    );
    // Both sides are exercised, not just refusals.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  test('a 500-route page as the Worker gets it (JSON and XML shapes), and the same page with odd entries in it', () => {
    const schema = catalog.DescribeCenRegionDomainRouteEntries.response as z.ZodType;
    const entry = (i: number) => ({
      DestinationCidrBlock: `10.${i >> 8}.${i & 255}.0/24`,
      Type: 'CEN',
      NextHopInstanceId: `vpc-${i}`,
      NextHopType: 'VPC',
      NextHopRegionId: 'cn-hangzhou',
      Status: 'Active',
      Preference: 50 + (i % 5),
      ToOtherRegionStatus: 'Active',
      AsPaths: { AsPath: [`${45104 + (i % 3)}`] },
      Communities: { Community: i % 2 ? [`65000:${i}`] : [] },
      CenRouteMapRecords: { CenRouteMapRecord: [{ RegionId: 'cn-hangzhou', RouteMapId: `cenrmap-${i}` }] },
      CenOutRouteMapRecords: { CenOutRouteMapRecord: i % 3 ? [] : [{ RegionId: 'cn-beijing', RouteMapId: `cenrmap-o${i}` }] },
    });
    const page = { RequestId: 'R', TotalCount: 2000, PageNumber: 1, PageSize: 500, CenRouteEntries: { CenRouteEntry: Array.from({ length: 500 }, (_, i) => entry(i)) } };
    const json = viaJson(page);
    expect(expectSameAsZod(schema, json, 'page')).toBe(true);
    // Already in the answer's form: nothing is copied.
    expect(compileResponse(schema)(json)).toBe(json);
    expect(expectSameAsZod(schema, asXmlText(page), 'xml page')).toBe(true);
    const r = rng(7);
    for (let k = 0; k < 20; k++) {
      const odd = viaJson(page) as typeof page;
      for (let j = 0; j < 5; j++) {
        const at = Math.floor(r.next() * 500);
        odd.CenRouteEntries.CenRouteEntry[at] = mutate(odd.CenRouteEntries.CenRouteEntry[at], r, 0.3) as ReturnType<typeof entry>;
      }
      expectSameAsZod(schema, odd, `odd page ${k}`);
    }
  });

  test('account IDs stay exact; counts and booleans given as text are converted as zod converts them', () => {
    const schema = catalog.DescribeVpcs.response as z.ZodType;
    for (const OwnerId of [253460731706911, '253460731706911', '9188000000000002', '12345678901234567890', 9188000000000002, '-1', 'x', '', 1.5]) {
      for (const IsDefault of [true, 'true', 'false', 'TRUE', 1, undefined]) {
        const value = { RequestId: 'R', TotalCount: '1', PageNumber: 1, PageSize: '10', Vpcs: { Vpc: { VpcId: 'vpc-1', OwnerId, IsDefault } } };
        expectSameAsZod(schema, value, `${String(OwnerId)} ${String(IsDefault)}`);
        expectSameAsZod(schema, { ...value, Vpcs: { Vpc: [value.Vpcs.Vpc] } }, `${String(OwnerId)} ${String(IsDefault)} in a list`);
      }
    }
  });
});

describe('compiled response normaliser: any zod schema', () => {
  // Beyond what the catalogue uses today: the parts it models itself, and the
  // ones it hands to zod (defaults, catch, records, formats, coercion).
  const zoo: Record<string, z.ZodType> = {
    strict: z.strictObject({ a: z.string(), b: z.number().optional() }),
    strip: z.object({ a: z.string(), n: z.number().int().min(0).optional() }),
    defaults: z.object({ a: z.string().default('x'), b: z.number().optional().default(3), c: z.string().optional(), d: z.string().nullable(), e: z.string().nullish() }),
    defaultedOptional: z.looseObject({ a: z.string().default('x').optional(), p: z.number().prefault(2) }),
    catchall: z.object({ a: z.string() }).catchall(z.number()),
    enums: z.looseObject({ e: z.enum(['A', 'B']), l: z.literal(5).optional(), u: z.union([z.string(), z.number(), z.boolean()]) }),
    refine: z.looseObject({ a: z.string().min(2).max(5), b: z.array(z.string()).max(2) }).refine((o) => o.a !== 'bad'),
    superRefine: z.looseObject({ a: z.string() }).superRefine((o, ctx) => {
      if (o.a === 'no') ctx.addIssue({ code: 'custom', message: 'no' });
    }),
    transform: z.looseObject({
      t: z.string().transform((v, ctx) => {
        if (v === 'no') ctx.addIssue({ code: 'custom', message: 'no' });
        return v.length;
      }),
    }),
    lists: z.looseObject({
      RequestId: z.string(),
      N: s.Count,
      Items: s.list('Item', z.looseObject({ Id: z.string(), Tags: s.list('Tag', s.Tag).optional(), N: s.Count.optional(), B: s.Bool.optional(), O: s.AccountId.optional() })),
      Ids: s.list('Id', z.string()).optional(),
    }),
    catchDefault: z.looseObject({ c: z.string().catch('c'), r: z.record(z.string(), z.number()).optional() }),
    formats: z.looseObject({ m: z.email().optional(), i: z.int().optional(), k: z.coerce.number().optional() }),
    readonly: z.looseObject({ a: z.string() }).readonly(),
    arrays: z.array(z.union([z.number(), z.looseObject({ x: z.string() })])).min(1),
    nullableObject: z.looseObject({ o: z.looseObject({ x: z.string().optional() }).nullable().optional() }),
    unknownField: z.looseObject({ u: z.unknown(), a: z.any().optional() }),
    defaultUndefined: z.looseObject({ d: z.unknown().default(undefined), s: z.string().optional() }),
    optionalDefaultRefined: z.looseObject({ o: z.string().default('x').optional().refine((v) => v !== 'x'), a: z.string().optional() }),
    prototypeKeys: z.looseObject({ constructor: z.unknown(), toString: z.string().optional(), a: z.string().optional() }),
    eachExtra: z.object({ a: z.string().optional() }).catchall(z.string().transform((v) => v.length)),
    sparse: z.looseObject({ s: z.array(z.string().optional()).optional(), o: z.array(z.looseObject({ x: z.string() }).optional()).optional() }),
  };
  const candidates: unknown[] = [
    { a: 'ab', b: 1 }, { a: 'ab', b: 1, extra: 2 }, { a: 'abc', n: 3, z: 1 }, { a: 'bad', b: [] }, { a: 'ok', b: ['1', '2', '3'] }, { a: 'no' },
    { d: null }, { a: 'q', d: 'x', e: null }, { b: undefined, d: null }, { a: undefined, p: undefined }, { p: 7 },
    { a: 'x', y: 1, z: 'no' }, { e: 'A', u: true }, { e: 'C', u: 1, l: 5 }, { e: 'B', u: 'x', l: 6 }, { t: 'abc' }, { t: 'no' }, { t: 1 },
    { RequestId: 'R', N: '3', Items: { Item: [{ Id: 'i', Tags: '', N: '1', B: 'true', O: '9188000000000002' }] } },
    { RequestId: 'R', N: 3, Items: '', Ids: { Id: 'one' } }, { RequestId: 'R', N: 'x', Items: null }, { RequestId: 'R', N: 1, Items: { Item: { Id: 'single' } } },
    { c: 1 }, { c: 'x', r: { a: 1 } }, { c: 'x', r: { a: 'b' } }, { m: 'a@b.co', i: 3, k: '4' }, { m: 'nope' }, { i: 1.5 }, { k: 'abc' },
    [1, { x: 'a' }], [], [{ x: 1 }], { o: null }, { o: { x: 'a', y: 2 } }, { o: 'x' }, { u: undefined }, {}, null, 'x', 3,
    { o: 'y' }, { o: 'x' }, { constructor: 'c', a: 'a' }, { toString: 't' }, { a: 'a', b: 'bb', c: 1 }, { a: undefined, b: 'x' },
    Object.assign(Object.create(null) as object, { a: 'ab', b: 1, t: 'abc', e: 'A', u: 1 }),
    // eslint-disable-next-line no-sparse-arrays
    { s: [, 'a'], o: [, { x: 'b' }] }, { s: ['a', undefined], o: [undefined] }, [1, , 2], { s: Object.assign(new (class extends Array {})(), ['a']) },
    Object.assign(Object.create({ a: 'inherited', d: null }) as object, { b: 1, n: 2 }),
  ];

  test.each(Object.entries(zoo))('%s: every candidate value, and JSON-ish values at random', (name, schema) => {
    for (const v of candidates) expectSameAsZod(schema, v, `${name} ${JSON.stringify(v)}`);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.constantFrom(...candidates)), fc.integer(), (v, seed) => {
        expectSameAsZod(schema, v, `${name} ${JSON.stringify(v)}`);
        expectSameAsZod(schema, mutate(v, rng(seed), 0.3), `${name} mutated ${seed}`);
      }),
      { numRuns: 200 },
    );
  });

  test('the same schema object in two places, and objects of many layouts in a row', () => {
    const Rec = z.looseObject({ RegionId: s.Text.optional(), RouteMapId: s.Text.optional() });
    const schema = z.looseObject({ A: s.list('X', Rec), B: s.list('Y', Rec).optional() });
    const r = rng(1);
    for (let k = 0; k < 300; k++) {
      const rec = () => mutate({ RegionId: 'cn', RouteMapId: 'm' }, r, 0.5);
      expectSameAsZod(schema, { A: { X: [rec(), rec(), rec()] }, B: { Y: [rec()] } }, `layouts ${k}`);
    }
  });

  test('a transform that throws: zod decides, and throws the same', () => {
    const schema = z.looseObject({ a: z.string().transform((v) => (v === 'boom' ? (() => { throw new Error('boom'); })() : v)) });
    expect(() => parseResponse(schema, { a: 'boom' })).toThrow('boom');
    expect(parseResponse(schema, { a: 'fine' })).toEqual({ success: true, data: { a: 'fine' } });
  });

  test('compiled once per schema', () => {
    const schema = catalog.DescribeCens.response as z.ZodType;
    expect(compileResponse(schema)).toBe(compileResponse(schema));
  });
});
