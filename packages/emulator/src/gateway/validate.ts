/**
 * Action parameters: wire text → JSON shape (unflattenParams + coerceWire) →
 * the catalogue's request schema (validateRequest). Failures become Alibaba's
 * codes: unknown filter key → FilterKey.NotSupport, bad Name → InvalidName,
 * bad Description → InvalidDescription, missing → MissingParameter, anything
 * else → InvalidParameter, each message naming the wire parameter.
 */
import { coerceWire, validateRequest, wireIssuePath, type ActionSpec, type Issue } from '@cen-kit/catalog';
import { unflattenParams, type WireParams } from '@cen-kit/rpc';
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
  for (const [k, v] of Object.entries(wire)) {
    const top = k.split('.')[0]!;
    if (COMMON_PARAMS.has(top)) continue;
    if (SDK_ADDED.has(top) && !own.has(top)) continue;
    params[k] = v;
  }
  const input = coerceWire(spec.request, unflattenParams(params));
  const r = validateRequest(spec, input);
  if (r.ok) return r.data as Record<string, unknown>;
  // Missing parameters first: they are what Alibaba reports before anything else.
  const missing = r.issues.find((i) => i.path && valueAt(input, i.path) === undefined && !/^unknown parameter/.test(i.message));
  throw toApiError(missing ?? r.issues[0]!, input);
}
