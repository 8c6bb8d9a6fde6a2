/**
 * The Worker's own errors, shaped like Alibaba's (`{"Code","Message","RequestId"}`)
 * so that a client handles every failure the same way.
 */

/** One problem with a request parameter: where (`Filter.0.Key`, or `` for the body) and why. */
export interface Issue {
  path: string;
  message: string;
}

/** An error body as the Worker returns it. Alibaba's own errors keep their fields. */
export interface ErrorBody {
  Code: string;
  Message: string;
  RequestId?: string;
  HostId?: string;
  Recommend?: string;
  /** What to look at next (SignatureDoesNotMatch). */
  Hint?: string;
  Issues?: Issue[];
}

/**
 * An error the Worker answers itself. `onError` turns it into JSON with the
 * Worker's request id.
 *
 * @example
 * ```ts
 * throw new ApiError(404, 'UnknownAction', 'No action named Foo.');
 * ```
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Partial<Omit<ErrorBody, 'Code' | 'Message'>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(requestId: string): ErrorBody {
    return { Code: this.code, Message: this.message, RequestId: requestId, ...this.extra };
  }
}

export const invalidParameter = (issues: Issue[], message?: string) =>
  new ApiError(
    400,
    'InvalidParameter',
    message ?? `The request has ${issues.length} invalid parameter${issues.length === 1 ? '' : 's'}: ${issues
      .slice(0, 3)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
      .join('; ')}${issues.length > 3 ? '; …' : ''}`,
    { Issues: issues },
  );

export const unknownAction = (name: string) =>
  new ApiError(404, 'UnknownAction', `No action named ${JSON.stringify(name.slice(0, 100))}. GET /api lists the actions.`);

export const payloadTooLarge = (limit: number) =>
  new ApiError(413, 'PayloadTooLarge', `The request body is larger than ${limit} bytes.`);

export const unsupportedMediaType = (got: string | undefined) =>
  new ApiError(415, 'UnsupportedMediaType', `The request body must be application/json${got ? `, not ${got.slice(0, 100)}` : ''}.`);

export const upstreamUnavailable = (detail: string) =>
  new ApiError(502, 'UpstreamUnavailable', `Alibaba Cloud could not be reached: ${detail}`);

export const upstreamTimeout = (ms: number) =>
  new ApiError(504, 'UpstreamTimeout', `Alibaba Cloud did not answer within ${ms} ms.`);

export const invalidUpstreamResponse = (issues: Issue[]) =>
  new ApiError(502, 'InvalidUpstreamResponse', 'Alibaba Cloud answered with a body that does not match the action\'s response shape.', {
    Issues: issues,
  });

export const internalError = () => new ApiError(500, 'InternalError', 'The Worker failed while handling the request. The request id identifies it in the logs.');
