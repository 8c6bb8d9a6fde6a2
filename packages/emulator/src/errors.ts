/**
 * Errors the emulator answers with. Codes and HTTP statuses come from the
 * catalogue's ERROR_CODES; the emulator only writes the message for the case.
 */
import { ERROR_CODES, type ErrorCode } from '@cen-kit/catalog';

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Extra response headers, e.g. x-acs-retry-after on throttling. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.status = ERROR_CODES[code].status;
  }
}

/** Throws `code` with `message`. For terse business checks. */
export function fail(code: ErrorCode, message?: string): never {
  throw new ApiError(code, message);
}

/**
 * Every code the emulator can answer with, each produced by a test in the
 * situation that causes it (errors.test.ts checks the list is covered).
 */
export const IMPLEMENTED_ERROR_CODES = [
  // gateway
  'MissingParameter',
  'InvalidParameter',
  'InvalidAction.NotFound',
  'InvalidVersion',
  'InvalidAccessKeyId.NotFound',
  'SignatureDoesNotMatch',
  'SignatureNonceUsed',
  'InvalidTimeStamp.Expired',
  'InvalidTimeStamp.Format',
  'UnsupportedSignatureMethod',
  // faults
  'Throttling.User',
  'ServiceUnavailable',
  'InternalError',
  // parameters
  'InvalidName',
  'InvalidDescription',
  'FilterKey.NotSupport',
  'IdempotenceParam.NotMatch',
  'ParameterIllegal.ChildInstanceType',
  'ParameterIllegal.RegionId',
  'ParameterIllegal.ChildInstanceRegionId',
  'ParameterIllegal.ChildInstanceId',
  'ParameterIllegal.ChildInstanceUid',
  'ParameterIllegal.BandwidthLimit',
  'ParameterIllegal.VbrInstanceId',
  'ParameterIllegal.VbrInstanceRegionId',
  'InstanceType.NotSupport',
  'GeographicSpan.NotFound',
  'ParameterMustNotNull',
  // not found
  'ParameterCenInstanceId',
  'ParameterBwpInstanceId',
  'ParameterInstanceId',
  'InvalidInstanceId.NotFound',
  'InvalidOperation.NotFoundRoute',
  // conflicts
  'Operation.Blocking',
  'InvalidOperation.CenInstanceStatus',
  'InvalidOperation.ChildInstanceStatus',
  'InvalidOperation.BwpInstanceStatus',
  'InvalidOperation.BwpBusinessStatus',
  'InvalidOperation.ChildInstanceAlreadyAttached',
  'InvalidOperation.AttachedChildInstanceExist',
  'InvalidOperation.NoGrantRule',
  'InvalidOperation.BwpAlreadyAssociated',
  'InvalidOperation.BwpAssociated',
  'InvalidOperation.BwpNotAssociated',
  'InvalidOperation.BwpBandwidthExceeded',
  'InvalidOperation.BwpSpecTooSmall',
  'InvalidOperation.CenBandwidthLimitsNotZero',
  'InvalidOperation.RegionNotAttached',
  'InvalidOperation.VbrNotAttachedToCen',
  'InvalidOperation.VbrCenAttachmentStatus',
  'InvalidOperation.RouteNotPublishable',
] as const satisfies readonly ErrorCode[];

export type ImplementedErrorCode = (typeof IMPLEMENTED_ERROR_CODES)[number];
