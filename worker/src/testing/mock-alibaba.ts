/**
 * A stand-in for Alibaba Cloud's RPC gateway, for Worker tests. It checks
 * every signature with its own minimal implementation of the documented
 * algorithm (written apart from @cen-kit/rpc on purpose) and, when given the
 * OFFICIAL_SIGNER service, also with Alibaba's official helper in Node. It
 * answers in the Format the request asked for (JSON or XML), like Alibaba.
 */

export interface ReceivedCall {
  url: URL;
  method: string;
  contentType: string | null;
  /** Every wire parameter as received, Signature included. */
  params: Record<string, string>;
  /** The request's abort signal (a hung answer waits on it). */
  signal: AbortSignal;
}

export interface Answer {
  status?: number;
  /** A JSON object to send in the requested format, or a raw text body. */
  body?: Record<string, unknown> | string;
  headers?: Record<string, string>;
  /** XML root element; default `{Action}Response`, or `Error` for status ≥ 400. */
  root?: string;
  /** Never answer (until the request is aborted). */
  hang?: boolean;
  /** Fail like a dropped connection. */
  networkError?: boolean;
}

export interface MockAlibaba {
  fetch: (request: Request) => Promise<Response>;
  calls: ReceivedCall[];
  /** Signatures the official helper disagreed with (must stay empty). */
  officialMismatches: string[];
}

export interface MockOptions {
  /** AccessKeyId → secret. */
  secrets: Record<string, string>;
  /** The Node-side official signer (OFFICIAL_SIGNER binding), if available. */
  official?: Fetcher;
  /** What to answer to the n-th (0-based) accepted call. */
  answer: (call: ReceivedCall, n: number) => Answer | Promise<Answer>;
  /** Replaces the server's string to sign (to play an encoding mismatch). */
  tamperStringToSign?: (sts: string) => string;
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/** RFC 3986 percent-encoding over UTF-8 bytes, upper-case hex; independent of encodeURIComponent. */
export function pct(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function serverStringToSign(method: string, params: Record<string, string>): string {
  const names = Object.keys(params)
    .filter((n) => n !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = names.map((n) => `${pct(n)}=${pct(params[n]!)}`).join('&');
  return `${method}&${pct('/')}&${pct(canonical)}`;
}

async function hmacSha1(key: string, data: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(data)));
  return btoa(String.fromCharCode(...sig));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** JSON object → Alibaba-style XML: arrays repeat their element, scalars are text. */
export function toXml(root: string, body: Record<string, unknown>): string {
  const el = (name: string, v: unknown): string => {
    if (Array.isArray(v)) return v.map((x) => el(name, x)).join('');
    if (v && typeof v === 'object') return `<${name}>${Object.entries(v).map(([k, x]) => el(k, x)).join('')}</${name}>`;
    if (v === undefined || v === null) return '';
    return `<${name}>${esc(String(v))}</${name}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>${el(root, body)}`;
}

/**
 * @example
 * ```ts
 * const upstream = mockAlibaba({ secrets: { testid: 'testsecret' }, answer: () => ({ body: { RequestId: 'r' } }) });
 * const app = createApp({ fetch: upstream.fetch });
 * ```
 */
export function mockAlibaba(o: MockOptions): MockAlibaba {
  const calls: ReceivedCall[] = [];
  const officialMismatches: string[] = [];
  const nonces = new Set<string>();
  let accepted = 0;

  const render = (a: Answer, params: Record<string, string>): Response => {
    const status = a.status ?? 200;
    const headers = new Headers(a.headers);
    if (typeof a.body === 'string') return new Response(a.body, { status, headers });
    const body = a.body ?? { RequestId: crypto.randomUUID() };
    if ((params.Format ?? 'XML').toUpperCase() === 'XML') {
      headers.set('content-type', 'text/xml;charset=utf-8');
      return new Response(toXml(a.root ?? (status >= 400 ? 'Error' : `${params.Action}Response`), body), { status, headers });
    }
    headers.set('content-type', 'application/json;charset=utf-8');
    return new Response(JSON.stringify(body), { status, headers });
  };
  const error = (status: number, Code: string, Message: string, params: Record<string, string>) =>
    render({ status, body: { RequestId: crypto.randomUUID().toUpperCase(), HostId: 'cbn.aliyuncs.com', Code, Message } }, params);

  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const params: Record<string, string> = {};
    for (const [k, v] of url.searchParams) params[k] = v;
    // Bytes, then UTF-8: a form body is not "text" to workerd, which warns on .text().
    const text = request.method === 'POST' ? new TextDecoder().decode(await request.arrayBuffer()) : '';
    for (const [k, v] of new URLSearchParams(text)) params[k] = v;
    const call: ReceivedCall = { url, method: request.method, contentType: request.headers.get('content-type'), params, signal: request.signal };
    calls.push(call);

    const secret = o.secrets[params.AccessKeyId ?? ''];
    if (secret === undefined) return error(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.', params);
    let sts = serverStringToSign(request.method, params);
    if (o.tamperStringToSign) sts = o.tamperStringToSign(sts);
    if (params.Signature !== (await hmacSha1(`${secret}&`, sts))) {
      return error(400, 'SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${sts}`, params);
    }
    if (o.official) {
      const res = await o.official.fetch('http://official/', {
        method: 'POST',
        headers: { 'x-test-secret': secret, 'x-test-method': request.method },
        body: text,
      });
      const { match } = (await res.json()) as { match: boolean };
      if (!match) officialMismatches.push(params.Action ?? '?');
    }
    const nonce = params.SignatureNonce ?? '';
    if (nonces.has(nonce)) return error(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.', params);
    nonces.add(nonce);

    const a = await o.answer(call, accepted++);
    if (a.networkError) throw new TypeError('Network connection lost.');
    if (a.hang) {
      return new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      });
    }
    return render(a, params);
  };
  return { fetch, calls, officialMismatches };
}

/**
 * Signs parameters the way an official client does (common parameters, then
 * HMAC-SHA1 over the string to sign), with this file's own implementation.
 * For requests that play an official SDK against `/emulator/`.
 */
export async function signLikeOfficialClient(
  method: 'GET' | 'POST',
  params: Record<string, string>,
  key: { accessKeyId: string; accessKeySecret: string },
): Promise<Record<string, string>> {
  const all: Record<string, string> = {
    ...params,
    AccessKeyId: key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: crypto.randomUUID(),
    Timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  all.Signature = await hmacSha1(`${key.accessKeySecret}&`, serverStringToSign(method, all));
  return all;
}

/** `a=1&b=2` with this file's percent-encoding. */
export function formEncode(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${pct(k)}=${pct(v)}`)
    .join('&');
}
