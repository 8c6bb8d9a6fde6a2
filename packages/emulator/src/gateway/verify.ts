/**
 * The gateway checks before an action runs, in Alibaba's order: common
 * parameters present, known Version and Action, known AccessKey, Timestamp
 * within 15 minutes, signature, nonce not replayed.
 */
import { actionSpec, VERSIONS, type ActionSpec } from '@cen-kit/catalog';
import { verifySignature, type WireParams } from '@cen-kit/rpc';
import type { EmulatorAccount } from '../accounts.js';
import { ApiError } from '../errors.js';
import type { NonceCache } from './nonces.js';

const REQUIRED_COMMON = ['Action', 'Version', 'AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'Timestamp', 'Signature'] as const;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const TIMESTAMP_WINDOW_MS = 15 * 60_000;

/** The product a Version belongs to, for HostId; Cbn when the Version is unknown. */
export function productOfVersion(version: string | undefined): 'Cbn' | 'Vpc' {
  return version === VERSIONS.Vpc ? 'Vpc' : 'Cbn';
}

/** The action spec for Version + Action, or the error Alibaba gives. */
export function resolveAction(params: WireParams): ActionSpec {
  for (const name of ['Action', 'Version'] as const) {
    if (!params[name]) throw new ApiError('MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
  }
  const version = params.Version!;
  if (version !== VERSIONS.Cbn && version !== VERSIONS.Vpc) {
    throw new ApiError('InvalidVersion', `Specified parameter Version is not valid: ${version} (expected ${VERSIONS.Cbn} for CEN or ${VERSIONS.Vpc} for VPC).`);
  }
  const spec = actionSpec(params.Action!);
  // Same name, other product (DescribeGrantRulesToCen exists in both; only the VPC one is served).
  if (!spec || spec.Version !== version) {
    throw new ApiError('InvalidAction.NotFound', `Specified api is not found, please check your url and method. (Action ${params.Action} of version ${version})`);
  }
  return spec;
}

/**
 * Authenticates a call and returns its account.
 *
 * @example
 * ```ts
 * const account = await authenticate('POST', params, accounts, nonces, Date.now());
 * ```
 */
export async function authenticate(
  method: string,
  params: WireParams,
  accounts: readonly EmulatorAccount[],
  nonces: NonceCache,
  now: number,
): Promise<EmulatorAccount> {
  for (const name of REQUIRED_COMMON) {
    if (!params[name]) throw new ApiError('MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
  }
  const account = accounts.find((a) => a.accessKeyId === params.AccessKeyId);
  if (!account) throw new ApiError('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

  const ts = params.Timestamp!;
  if (!TIMESTAMP.test(ts) || Number.isNaN(Date.parse(ts))) {
    throw new ApiError('InvalidTimeStamp.Format', `Specified time stamp or date value is not well formatted: ${ts} (expected UTC yyyy-MM-ddTHH:mm:ssZ).`);
  }
  const skew = Date.parse(ts) - now;
  if (Math.abs(skew) > TIMESTAMP_WINDOW_MS) {
    throw new ApiError(
      'InvalidTimeStamp.Expired',
      `Specified time stamp or date value is expired: ${ts} is ${Math.round(Math.abs(skew) / 60_000)} minutes ${skew < 0 ? 'behind' : 'ahead of'} the server time ${new Date(now).toISOString()} (at most 15 minutes allowed).`,
    );
  }

  const v = await verifySignature(method, params, account.accessKeySecret);
  if (!v.ok) {
    if (v.code === 'SignatureDoesNotMatch') {
      throw new ApiError('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${v.stringToSign}`);
    }
    if (v.code === 'UnsupportedSignatureMethod') {
      throw new ApiError('UnsupportedSignatureMethod', `Specified signature method is not supported: ${params.SignatureMethod} ${params.SignatureVersion ?? ''} (use HMAC-SHA1 1.0).`);
    }
    throw new ApiError('IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
  }
  // Only a verified call uses up its nonce, so a forged request cannot burn someone's nonce.
  if (!nonces.use(account.accessKeyId, params.SignatureNonce!, now)) {
    throw new ApiError('SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  return account;
}
