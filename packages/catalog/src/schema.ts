/**
 * Zod building blocks for request and response schemas, so that every action
 * spells a count, an account ID or a wrapped list the same way.
 *
 * Responses are tolerant (Alibaba's XML carries every value as text, and some
 * JSON bodies carry numbers as strings); requests are strict.
 */
import * as z from 'zod';
import * as rules from './rules.js';

const refineWith = <T>(check: (v: T) => string | undefined) =>
  (v: T, ctx: z.core.$RefinementCtx<T>) => {
    const msg = check(v);
    if (msg) ctx.addIssue({ code: 'custom', message: msg });
  };

// ---------- request parts ----------

export const CenId = z.string().regex(/^cen-[a-z0-9*]+$/i, 'must be a CEN ID such as cen-7qthudw0ll6jmc');
export const BandwidthPackageId = z.string().regex(/^cenbwp-[a-z0-9*]+$/i, 'must be a bandwidth package ID such as cenbwp-4c2zaavbvh5fx');
export const RegionId = z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'must be a region ID such as cn-hangzhou');
export const ChildInstanceType = z.enum(['VPC', 'VBR', 'CCN']);
export const GrantInstanceType = z.enum(['VPC', 'VBR']);
export const ChildInstanceId = z.string().regex(/^(vpc|vbr|ccn)-[a-z0-9*]+$/i, 'must be a network ID such as vpc-bp1… or vbr-bp1…');
export const VbrId = z.string().regex(/^vbr-[a-z0-9*]+$/i, 'must be a VBR ID such as vbr-bp1…');
export const RouteTableId = z.string().regex(/^vtb-[a-z0-9*]+$/i, 'must be a route table ID such as vtb-bp1…');
export const AreaRequest = z.enum(['China', 'Asia-Pacific', 'Europe', 'North-America', 'Australia', 'Middle-East']);
export const AreaResponse = z.string();

/** An account ID in a request: a positive integer, as a number or (to stay exact) a string of digits. */
export const AccountIdParam = z
  .union([z.number().int().positive(), z.string()], {
    error: (iss) => (iss.input === undefined ? undefined : 'must be an Alibaba Cloud account ID (digits, as a number or a string)'),
  })
  .superRefine(refineWith(rules.checkAccountId));

export const Name = z.string().superRefine(refineWith(rules.checkName));
export const Description = z.string().superRefine(refineWith(rules.checkDescription));
export const ClientToken = z.string().superRefine(refineWith(rules.checkClientToken));
export const Bandwidth = z.number().superRefine(refineWith(rules.checkBandwidth));
export const Cidr = z.string().superRefine(refineWith(rules.checkCidr));
export const Ipv4 = z.string().superRefine(refineWith(rules.checkIpv4));

export const PageNumber = z.number().int().min(1);
export const pageSize = (max: number) => z.number().int().min(1).max(max);

export const Tags = z
  .array(z.object({ Key: z.string().min(1).max(64), Value: z.string().max(128).optional() }).strict())
  .max(rules.TAGS_MAX);

/** `Filter.N.Key` / `Filter.N.Value.M`, as an array of `{Key, Value[]}` with the keys an action supports. */
export function filters<const K extends readonly [string, ...string[]]>(keys: K) {
  return z
    .array(
      z
        .object({
          Key: z.enum(keys, { error: () => `must be one of ${keys.join(', ')} (FilterKey.NotSupport)` }),
          Value: z.array(z.string().min(1)).min(1).max(rules.FILTER_VALUES_MAX),
        })
        .strict(),
    )
    .max(rules.FILTER_KEYS_MAX);
}

export { refineWith };

// ---------- response parts ----------

/** An integer that may come as a number or a numeric string (XML, older gateways). */
export const Count = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
/** A boolean that may come as `true`/`false` text. */
export const Bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);
/**
 * A 16-digit account ID. Kept a number when it is exact in JavaScript and a
 * string of digits when it is not, so it is never rounded.
 */
export const AccountId = z
  .union([z.number(), z.string().regex(/^\d+$/)])
  .transform((v) => (typeof v === 'number' ? v : Number.isSafeInteger(Number(v)) ? Number(v) : v));
/** Plain text field; XML gives "" for an empty element. */
export const Text = z.string();

/**
 * Alibaba wraps every list in an object with one key: `{"Cens":{"Cen":[...]}}`.
 * A missing wrapper or key is read as an empty list.
 */
export function list<const K extends string, T extends z.ZodType>(itemName: K, item: T) {
  return z
    .preprocess(
      (v) => (v === undefined || v === null || v === '' ? {} : v),
      z.looseObject({ [itemName]: z.preprocess((x) => (x === undefined || x === null || x === '' ? [] : x), z.array(item)) } as {
        [P in K]: z.ZodPipe<z.ZodTransform<unknown, unknown>, z.ZodArray<T>>;
      }),
    )
    .meta({ listItem: itemName });
}

/** The fields every paged Describe response carries. */
export const Paged = {
  RequestId: z.string(),
  TotalCount: Count,
  PageNumber: Count,
  PageSize: Count,
};

export const Tag = z.looseObject({ Key: Text.optional(), Value: Text.optional() });

/** `{RequestId}` only, as the write actions answer. */
export const RequestIdOnly = z.looseObject({ RequestId: z.string() });

// ---------- more request parts ----------

/** A whole number in an inclusive range, with the unit in the message. */
export const intRange = (min: number, max: number, unit = '') =>
  z.number().superRefine(refineWith((v: number) => rules.checkRange(v, min, max, unit)));

/** An inter-region limit in Mbit/s; 0 removes the limit. */
export const BandwidthLimit = z.number().superRefine(refineWith(rules.checkBandwidthLimit));
export const BandwidthPackageName = z.string().superRefine(refineWith(rules.checkBandwidthPackageName));
export const HealthCheckSourceIp = z.string().superRefine(refineWith(rules.checkHealthCheckSourceIp));
/** Lower-case area ids, as DescribeGeographicRegionMembership takes them. */
export const AreaId = z.enum(['china', 'asia-pacific', 'europe', 'north-america', 'australia', 'middle-east']);
export const GeographicSpanId = z
  .string()
  .regex(/^[a-z-]+_[a-z-]+$/, 'must be an area pair such as china_asia-pacific');
export const ResourceGroupId = z.string().regex(/^rg-[a-z0-9]+$/i, 'must be a resource group ID such as rg-acfmxazb4ph…');
export const VpcId = z.string().regex(/^vpc-[a-z0-9*]+$/i, 'must be a VPC ID such as vpc-bp1…');
