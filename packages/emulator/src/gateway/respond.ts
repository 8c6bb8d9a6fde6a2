/**
 * Writing responses as Alibaba does: JSON (default) or XML with the root
 * `<{Action}Response>`; errors as `{RequestId, HostId, Code, Message,
 * Recommend}` (XML root `<Error>`), with the HTTP status of the code.
 */
import { encodeXml } from '@cen-kit/rpc';
import { plainAccountIds, stringifyExact } from '../account-id.js';
import type { ApiError } from '../errors.js';

export type Format = 'JSON' | 'XML';

/** Format is case-insensitive on the wire (`json`, `xml`); JSON unless XML is asked for. */
export function formatOf(value: string | undefined): Format {
  return value?.toUpperCase() === 'XML' ? 'XML' : 'JSON';
}

export const HOSTS = { Cbn: 'cbn.aliyuncs.com', Vpc: 'vpc.aliyuncs.com' } as const;

function body(format: Format, root: string, data: Record<string, unknown>): { text: string; type: string } {
  if (format === 'XML') {
    return { text: encodeXml(root, plainAccountIds(data) as Record<string, unknown>), type: 'text/xml;charset=utf-8' };
  }
  return { text: stringifyExact(data), type: 'application/json;charset=utf-8' };
}

/** A 200 response with RequestId first, as Alibaba orders it. */
export function success(format: Format, action: string, requestId: string, result: Record<string, unknown>): Response {
  const b = body(format, `${action}Response`, { RequestId: requestId, ...result });
  return new Response(b.text, { status: 200, headers: { 'content-type': b.type, 'x-acs-request-id': requestId } });
}

export function errorResponse(format: Format, err: ApiError, requestId: string, product: 'Cbn' | 'Vpc'): Response {
  const host = HOSTS[product];
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=${product}&requestId=${requestId}`;
  const data = { RequestId: requestId, HostId: host, Code: err.code, Message: err.message, Recommend: recommend };
  const b = body(format, 'Error', data);
  return new Response(b.text, {
    status: err.status,
    headers: { 'content-type': b.type, 'x-acs-request-id': requestId, ...err.headers },
  });
}
