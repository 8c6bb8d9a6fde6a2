/**
 * Action parameters: wire text → JSON shape (unflattenParams + coerceWire) →
 * the catalogue's request schema (validateRequest). Failures become Alibaba's
 * codes: unknown filter key → FilterKey.NotSupport, bad Name → InvalidName,
 * bad Description → InvalidDescription, missing → MissingParameter, anything
 * else → InvalidParameter, each message naming the wire parameter.
 */
import { coerceWire, validateRequest, wireIssuePath, type ActionSpec, type Issue } from '@cen-kit/catalog';
import { unflattenParams, type WireParams } from '@cen-kit/rpc';
import type { ErrorCode } from '@cen-kit/catalog';
import { ApiError } from '../errors.js';

/** Common parameters of every RPC call; they are not the action's. */
export const COMMON_PARAMS = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
  'SecurityToken',
]);

/**
 * Parameters the official SDKs add on their own (the Go core adds RegionId to
 * every call; every request model has the owner fields). Accepted and ignored
 * unless the action itself declares them.
 */
const SDK_ADDED = new Set(['RegionId', 'OwnerId', 'OwnerAccount', 'ResourceOwnerId', 'ResourceOwnerAccount']);

/**
 * The 2019 reference's codes for a bad value of these parameters (present but
 * wrong); any other bad value is InvalidParameter.
 */
const PARAMETER_CODES: Record<string, ErrorCode> = {
  ChildInstanceType: 'ParameterIllegal.ChildInstanceType',
  ChildInstanceId: 'ParameterIllegal.ChildInstanceId',
  ChildInstanceOwnerId: 'ParameterIllegal.ChildInstanceUid',
  ChildInstanceRegionId: 'ParameterIllegal.ChildInstanceRegionId',
  BandwidthLimit: 'ParameterIllegal.BandwidthLimit',
  LocalRegionId: 'ParameterIllegal.RegionId',
  OppositeRegionId: 'ParameterIllegal.RegionId',
  CenRegionId: 'ParameterIllegal.RegionId',
  VbrInstanceId: 'ParameterIllegal.VbrInstanceId',
  VbrInstanceRegionId: 'ParameterIllegal.VbrInstanceRegionId',
  // "Invalid network type. The support networks are VPC and VBR." (GrantInstanceToCen & co.)
  InstanceType: 'InstanceType.NotSupport',
  // "Invalid area." (404 in the reference)
  GeographicRegionAId: 'GeographicSpan.NotFound',
  GeographicRegionBId: 'GeographicSpan.NotFound',
  GeographicRegionId: 'GeographicSpan.NotFound',
};

function shapeKeys(spec: ActionSpec): Set<string> {
  return new Set(Object.keys(spec.request.shape));
}

/** The value at a JSON-style issue path such as `Filter[0].Key`. */
function valueAt(value: unknown, path: string): unknown {
  let v = value;
  for (const seg of path.match(/[^.[\]]+/g) ?? []) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[/^\d+$/.test(seg) && Array.isArray(v) ? Number(seg) : seg];
  }
  return v;
}

function toApiError(issue: Issue, input: unknown): ApiError {
  const wire = wireIssuePath(issue.path);
  const jsonPath = issue.path;
  // The catalogue's messages start with the JSON path; on the wire the parameter is spelled 1-based.
  const message = jsonPath && issue.message.startsWith(jsonPath) ? wire + issue.message.slice(jsonPath.length) : issue.message;
  if (/^unknown parameter /.test(issue.message)) {
    return new ApiError('InvalidParameter', `The parameter ${wire} is not valid: ${message}.`);
  }
  if (jsonPath && valueAt(input, jsonPath) === undefined) {
    // Cross-field rules ("one of A, B or C is required") keep their own explanation.
    const why = / is required$/.test(issue.message) ? '' : ` ${message.replace(/\.$/, '')}.`;
    return new ApiError('MissingParameter', `The input parameter "${wire}" that is mandatory for processing this request is not supplied.${why}`);
  }
  if (/^Filter\.\d+\.Key$/.test(wire)) {
    const why = message.slice(wire.length + 1).replace(/\s*\(FilterKey\.NotSupport\)$/, '');
    return new ApiError('FilterKey.NotSupport', `The filter key "${String(valueAt(input, jsonPath))}" (${wire}) is not supported: ${why}.`);
  }
  const specific = PARAMETER_CODES[wire];
  if (specific) return new ApiError(specific, `The specified parameter ${wire} is not valid: ${message}.`);
  if (wire === 'Name') return new ApiError('InvalidName', `The specified Name is not valid: ${message}.`);
  if (wire === 'Description') return new ApiError('InvalidDescription', `The specified Description is not valid: ${message}.`);
  return new ApiError('InvalidParameter', `The specified parameter ${wire || '(request)'} is not valid: ${message}.`);
}

/**
 * Validates the action parameters among the wire parameters of a call and
 * returns them in the JSON shape, or throws the ApiError Alibaba would answer.
 *
 * @example
 * ```ts
 * readActionParams(catalog.DescribeCens, { 'Filter.1.Key': 'CenId', 'Filter.1.Value.1': 'cen-x', PageSize: '10' });
 * // { Filter: [{ Key: 'CenId', Value: ['cen-x'] }], PageSize: 10 }
 * ```
 */
export function readActionParams(spec: ActionSpec, wire: WireParams): Record<string, unknown> {
  const own = shapeKeys(spec);
  const params: WireParams = {};
  // Alibaba ignores parameters an action does not know (SDKs add their own), so
  // the emulator does too; a near miss in case is kept to explain a MissingParameter.
  const ignored: string[] = [];
  for (const [k, v] of Object.entries(wire)) {
    const top = k.split('.')[0]!;
    if (COMMON_PARAMS.has(top)) continue;
    if (!own.has(top)) {
      if (!SDK_ADDED.has(top)) ignored.push(top);
      continue;
    }
    params[k] = v;
  }
  const input = coerceWire(spec.request, unflattenParams(params));
  let r = validateRequest(spec, input);
  // Unknown keys inside known lists (`Filter.1.Foo`) are ignored the same way.
  for (let round = 0; !r.ok && round < 3; round++) {
    const unknown = r.issues.filter((i) => /^unknown parameter /.test(i.message));
    if (!unknown.length) break;
    for (const i of unknown) {
      ignored.push(wireIssuePath(i.path));
      deleteAt(input, i.path);
    }
    r = validateRequest(spec, input);
  }
  if (r.ok) return r.data as Record<string, unknown>;
  // Missing parameters first: they are what Alibaba reports before anything else.
  const missing = r.issues.find((i) => i.path && valueAt(input, i.path) === undefined);
  const empty = missing ? undefined : r.issues.find((i) => i.path && valueAt(input, i.path) === '' && requiredAt(spec, input, i.path));
  if (empty) {
    const wireName = wireIssuePath(empty.path);
    throw new ApiError('ParameterMustNotNull', `The parameter "${wireName}" must not be empty: it is mandatory for processing this request.`);
  }
  const e = toApiError(missing ?? r.issues[0]!, input);
  if (missing) {
    const wireName = wireIssuePath(missing.path);
    const near = ignored.find((k) => k.toLowerCase() === wireName.toLowerCase());
    if (near) return throwWith(e, ` A parameter "${near}" was sent and ignored: parameter names are case-sensitive.`);
  }
  throw e;
}

/** Whether the request would be missing `path` if it were left out (so an empty value stands for nothing). */
function requiredAt(spec: ActionSpec, input: unknown, path: string): boolean {
  const without = structuredClone(input);
  deleteAt(without, path);
  const r = validateRequest(spec, without);
  return !r.ok && r.issues.some((i) => i.path === path && valueAt(without, i.path) === undefined);
}

function throwWith(e: ApiError, extra: string): never {
  throw new ApiError(e.code, e.message + extra, e.headers);
}

/** Removes the value at a JSON-style path such as `Filter[0].Foo`. */
function deleteAt(value: unknown, path: string): void {
  const segs = path.match(/[^.[\]]+/g) ?? [];
  const last = segs.pop();
  const parent = valueAt(value, segs.join('.'));
  if (last !== undefined && parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
}
