/**
 * What the elements show of a failure: Alibaba's Code, the message, the
 * RequestId to quote to support, and per-parameter Issues.
 */
import { CenApiError } from '@cen-kit/client';

export interface ErrorInfo {
  Code: string;
  message: string;
  RequestId?: string | undefined;
  Issues?: { path: string; message: string }[] | undefined;
}

/** True for the abort of a superseded or disconnected operation (not worth showing). */
export function isAbort(e: unknown): boolean {
  return (e instanceof DOMException || e instanceof Error) && e.name === 'AbortError';
}

/**
 * @example toErrorInfo(new CenApiError({ Code: 'Throttling', Message: 'slow down', status: 400 })).Code // 'Throttling'
 */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof CenApiError) {
    return { Code: e.Code, message: e.message, RequestId: e.RequestId, Issues: e.Issues };
  }
  if (e instanceof Error) return { Code: e.name === 'Error' ? 'ClientError' : e.name, message: e.message };
  return { Code: 'ClientError', message: String(e) };
}
