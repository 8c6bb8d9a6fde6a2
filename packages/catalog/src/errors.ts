/**
 * Error codes of the CEN and VPC APIs (and of Alibaba's gateway) with their
 * HTTP status, a default message, and whether a client may retry the call.
 *
 * Retryable means "the same request may succeed later without change":
 * throttling, service unavailability, and the transient status conflicts that
 * Terraform's provider retries. Business 4xx codes are never retryable.
 */
export interface ErrorCodeSpec {
  status: number;
  message: string;
  retryable: boolean;
}

const e = (status: number, message: string, retryable = false): ErrorCodeSpec => ({ status, message, retryable });

export const ERROR_CODES = {
  // Gateway
  MissingParameter: e(400, 'The input parameter that is mandatory for processing this request is not supplied.'),
  InvalidParameter: e(400, 'The specified parameter is not valid.'),
  'InvalidAction.NotFound': e(404, 'Specified api is not found, please check your url and method.'),
  'InvalidVersion': e(400, 'Specified parameter Version is not valid.'),
  'InvalidAccessKeyId.NotFound': e(404, 'Specified access key is not found.'),
  IncompleteSignature: e(400, 'The request signature does not conform to Aliyun standards.'),
  SignatureDoesNotMatch: e(403, 'Specified signature is not matched with our calculation.'),
  SignatureNonceUsed: e(400, 'Specified signature nonce was used already.'),
  'InvalidTimeStamp.Expired': e(400, 'Specified time stamp or date value is expired.'),
  'InvalidTimeStamp.Format': e(400, 'Specified time stamp or date value is not well formatted.'),
  'UnsupportedSignatureMethod': e(400, 'Specified signature method is not supported.'),
  Throttling: e(400, 'Request was denied due to request throttling.', true),
  'Throttling.User': e(400, 'Request was denied due to user flow control.', true),
  'Throttling.Api': e(400, 'Request was denied due to api flow control.', true),
  'Forbidden.RAM': e(403, 'User not authorized to operate on the specified resource, or this API does not support RAM.'),
  'InvalidSecurityToken.Expired': e(400, 'Specified SecurityToken is expired.'),
  ServiceUnavailable: e(503, 'The request has failed due to a temporary failure of the server.', true),
  InternalError: e(500, 'The request processing has failed due to some unknown error.', true),
  // CEN parameters (400)
  InvalidName: e(400, 'The name is not valid.'),
  InvalidDescription: e(400, 'The description is not valid.'),
  NameIllegal: e(400, 'The name is illegal.'),
  DescriptionIllegal: e(400, 'The description is illegal.'),
  ParameterMustNotNull: e(400, 'The parameter must not be null.'),
  ParameterError: e(400, 'The parameter is not valid.'),
  'InstanceType.NotSupport': e(400, 'The instance type is not supported.'),
  'FilterKey.NotSupport': e(400, 'The filter key is not supported.'),
  'IdempotenceParam.NotMatch': e(400, 'Request uses a client token in a previous request but is not identical to that request.'),
  InventoryExceeded: e(400, 'The inventory is exceeded.'),
  'ParameterIllegal.ChildInstanceRegionId': e(400, 'The child instance region is not valid.'),
  'ParameterIllegal.ChildInstanceType': e(400, 'The child instance type is not valid.'),
  'ParameterIllegal.ChildInstanceId': e(400, 'The child instance ID is not valid.'),
  'ParameterIllegal.ChildInstanceUid': e(400, 'The owner of the child instance is not valid.'),
  'ParameterIllegal.BandwidthLimit': e(400, 'The bandwidth limit is not valid.'),
  'ParameterIllegal.RegionId': e(400, 'The region is not valid.'),
  'ParameterIllegal.VbrInstanceId': e(400, 'The VBR instance ID is not valid.'),
  'ParameterIllegal.VbrInstanceRegionId': e(400, 'The VBR region is not valid.'),
  'ParameterIllegal.Bandwidth': e(400, 'The bandwidth is not valid.'),
  'ParameterIllegal.GeographicRegionId': e(400, 'The geographic region is not valid.'),
  // Auth (401/403)
  Unauthorized: e(401, 'The request is not authorized.'),
  Forbidden: e(403, 'User not authorized to operate on the specified resource.'),
  'Abs.ApiForbiddenBySubBid': e(403, 'The API is forbidden for this account.'),
  'Forbidden.Release': e(403, 'The subscription bandwidth package cannot be released before it expires.'),
  // Not found (404)
  'GeographicSpan.NotFound': e(404, 'The geographic span is not found.'),
  ParameterInstanceId: e(404, 'The specified instance does not exist.'),
  ParameterBwpInstanceId: e(404, 'The specified bandwidth package does not exist.'),
  ParameterCenInstanceId: e(404, 'The specified CEN instance does not exist.'),
  'InvalidInstanceId.NotFound': e(404, 'The specified instance does not exist.'),
  'InvalidOperation.NotFoundRoute': e(404, 'The specified route entry does not exist.'),
  // Conflicts (409)
  'InvalidOperation.CenInstanceStatus': e(409, 'The operation is not allowed in the current status of the CEN instance.', true),
  'InvalidOperation.ChildInstanceStatus': e(409, 'The operation is not allowed in the current status of the child instance.', true),
  'InvalidOperation.BwpInstanceStatus': e(409, 'The operation is not allowed in the current status of the bandwidth package.', true),
  'InvalidOperation.BwpBusinessStatus': e(409, 'The operation is not allowed in the current business status of the bandwidth package.'),
  'InvalidOperation.BwpNotAssociated': e(409, 'The bandwidth package corresponding to the geographic span is not associated with the CEN instance.'),
  'InvalidOperation.BwpAlreadyAssociated': e(409, 'A bandwidth package for this geographic span is already associated with the CEN instance.'),
  'InvalidOperation.BwpBandwidthExceeded': e(409, 'The sum of the bandwidth limits exceeds the bandwidth of the bandwidth package.'),
  'InvalidOperation.CenBandwidthLimitsNotZero': e(409, 'Bandwidth limits allocated from the bandwidth package are not zero.', true),
  'InvalidOperation.BwpAssociated': e(409, 'The bandwidth package is associated with a CEN instance.'),
  'InvalidOperation.BwpSpecTooSmall': e(409, 'The new bandwidth is smaller than the bandwidth already allocated from the package.'),
  'InvalidOperation.RegionNotAttached': e(409, 'No network in the region is attached to the CEN instance.'),
  'InvalidOperation.VbrNotAttachedToCen': e(409, 'The VBR is not attached to the CEN instance.'),
  'InvalidOperation.VbrCenAttachmentStatus': e(409, 'The status of the VBR attachment does not allow the operation.'),
  'InvalidOperation.ChildInstanceAlreadyAttached': e(409, 'The child instance is already attached to a CEN instance.'),
  'InvalidOperation.AttachedChildInstanceExist': e(409, 'Networks are still attached to the CEN instance. Detach them first.'),
  'InvalidOperation.NoGrantRule': e(409, 'The owner of the network has not granted the CEN instance permission to attach it.'),
  'InvalidOperation.RouteNotPublishable': e(409, 'The route entry cannot be published or withdrawn.'),
  'InstanceStatus.NotSupport': e(409, 'The instance status does not support the operation.', true),
  // Server (500)
  'Operation.Blocking': e(500, 'Another operation on the instance is in progress.', true),
  'DB.Error': e(500, 'A database error occurred.', true),
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes whose retry is always safe (throttling and unavailability), whatever the action. */
export function isRetryableCode(code: string): boolean {
  if (/^Throttling/.test(code) || code === 'ServiceUnavailable' || code === 'Rejected.Throttling') return true;
  return code === 'InternalError';
}

export function errorSpec(code: string): ErrorCodeSpec | undefined {
  return (ERROR_CODES as Record<string, ErrorCodeSpec>)[code];
}
