/**
 * The one error type of the client: every failure (the Worker's or Alibaba's
 * error body, an unreadable answer, no network) arrives as a CenApiError with
 * an Alibaba-style `Code`. Only an abort is passed on as it is.
 */

/** One problem with a request parameter, as the Worker's validation reports it. */
export interface CenIssue {
  path: string;
  message: string;
}

export interface CenApiErrorInit {
  Code: string;
  Message: string;
  /** HTTP status; 0 when no answer came (network, bad input caught before sending). */
  status: number;
  RequestId?: string | undefined;
  HostId?: string | undefined;
  Recommend?: string | undefined;
  Issues?: CenIssue[] | undefined;
  body?: unknown;
}

/**
 * An error answer from `/api` (or the lack of one).
 *
 * @example
 * ```ts
 * try { await client.DeleteCen({ CenId }); }
 * catch (e) { if (e instanceof CenApiError && e.Code === 'Throttling.User') retryLater(); else throw e; }
 * ```
 */
export class CenApiError extends Error {
  readonly Code: string;
  // `declare`: absent fields stay absent instead of becoming own `undefined` properties.
  declare readonly RequestId?: string;
  declare readonly HostId?: string;
  declare readonly Recommend?: string;
  readonly status: number;
  declare readonly Issues?: CenIssue[];
  /** The decoded body (or its text when it was not JSON). */
  readonly body: unknown;

  constructor(init: CenApiErrorInit) {
    super(init.Message);
    this.name = 'CenApiError';
    this.Code = init.Code;
    this.status = init.status;
    this.body = init.body;
    if (init.RequestId !== undefined) this.RequestId = init.RequestId;
    if (init.HostId !== undefined) this.HostId = init.HostId;
    if (init.Recommend !== undefined) this.Recommend = init.Recommend;
    if (init.Issues !== undefined) this.Issues = init.Issues;
  }
}

const SUCCESS_CODES = new Set(['200', 'OK', 'Success', 'success']);

const field = (b: Record<string, unknown>, name: string): string | undefined => {
  const v = b[name] ?? b[name[0]!.toLowerCase() + name.slice(1)];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};

/**
 * The error a decoded JSON body stands for, or undefined when it is a
 * success. Like Alibaba's own SDK, a 2xx body with a non-success `Code` is an
 * error too.
 */
export function errorFromBody(body: unknown, status: number): CenApiError | undefined {
  const ok = status >= 200 && status < 300;
  const b = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const code = b && field(b, 'Code');
  if (ok && b && (code === undefined || SUCCESS_CODES.has(code))) return undefined;
  if (ok && !b) {
    return new CenApiError({ Code: 'InvalidResponse', Message: `The API answered HTTP ${status} with JSON that is not an object.`, status, body });
  }
  const issues = b && Array.isArray(b.Issues) ? (b.Issues as unknown[]).map(toIssue) : undefined;
  return new CenApiError({
    Code: code ?? (status >= 500 ? 'ServiceUnavailable' : 'UnknownError'),
    Message: (b && field(b, 'Message')) ?? `The API answered HTTP ${status}.`,
    status,
    RequestId: b && field(b, 'RequestId'),
    HostId: b && field(b, 'HostId'),
    Recommend: b && field(b, 'Recommend'),
    Issues: issues,
    body,
  });
}

function toIssue(i: unknown): CenIssue {
  const o = i && typeof i === 'object' ? (i as Record<string, unknown>) : {};
  return { path: String(o.path ?? ''), message: String(o.message ?? i) };
}

/** An answer that is not JSON: a proxy's error page (NetworkError) or a broken success (InvalidResponse). */
export function nonJsonError(text: string, status: number, contentType: string | null): CenApiError {
  const ok = status >= 200 && status < 300;
  return new CenApiError({
    Code: ok ? 'InvalidResponse' : 'NetworkError',
    Message: `The API answered HTTP ${status} with ${contentType ?? 'no content type'}, not JSON${ok ? '' : ' (a proxy or gateway in the way?)'}.`,
    status,
    body: text,
  });
}

/** A client-side mistake, caught before anything is sent. */
export function invalidParameter(path: string, message: string): CenApiError {
  return new CenApiError({ Code: 'InvalidParameter', Message: `${path}: ${message}`, status: 0, Issues: [{ path, message }] });
}
