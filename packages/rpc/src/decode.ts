/**
 * Decoding Alibaba RPC response bodies (JSON or XML) into the official JSON
 * shape, and encoding that shape as XML (for the emulator).
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/**
 * JSON.parse that keeps integers of 16 or more digits exact by reading them as
 * strings (account IDs are Longs). Smaller numbers are ordinary numbers.
 */
export function parseJsonLossless(text: string): unknown {
  // Quote long integer literals that stand as values (after `:` or `[` or `,`), outside strings.
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if ((c >= '0' && c <= '9') || c === '-') {
      let j = i + 1;
      while (j < n && /[0-9.eE+-]/.test(text[j]!)) j++;
      const lit = text.slice(i, j);
      out += /^-?\d{16,}$/.test(lit) && !Number.isSafeInteger(Number(lit)) ? `"${lit}"` : lit;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Only XML's five predefined entities and character references; nothing a document declares. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return PREDEFINED[e] ?? m;
  });
}

// Entity processing is off (entity-expansion attacks); predefined entities are decoded by hand.
// Values are not trimmed (a Description may end in a space); the whitespace
// that only indents elements is dropped in decodeXml.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  tagValueProcessor: (_name: string, value: string) => decodeEntities(value),
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: false,
});

const isBlank = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Parses an Alibaba XML body into the JSON shape. The root element
 * (`<DescribeCensResponse>`, `<Error>`) is dropped. `listPaths` are the dotted
 * paths of wrapped lists (`Cens.Cen`): a one-item or empty list still comes
 * out as an array. All values stay text; the catalogue's response schemas
 * turn numbers and booleans back into their types.
 *
 * @example
 * ```ts
 * decodeXml('<R><Cens><Cen><CenId>cen-1</CenId></Cen></Cens></R>', ['Cens.Cen']);
 * // { Cens: { Cen: [{ CenId: 'cen-1' }] } }
 * ```
 */
export function decodeXml(text: string, listPaths: readonly string[] = []): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new SyntaxError('XML with a DOCTYPE or ENTITY declaration is refused');
  const doc = parser.parse(text) as Record<string, unknown>;
  const rootKey = Object.keys(doc)[0];
  const root = rootKey === undefined ? {} : doc[rootKey];
  const body = root && typeof root === 'object' ? (root as Record<string, unknown>) : {};
  const lists = new Set(listPaths);
  const fix = (value: unknown, path: string, isItem = false): unknown => {
    if (!isItem && lists.has(path)) {
      // The element is there, so it is at least one item (`<Id/>` is one empty string).
      const arr = Array.isArray(value) ? value : [value];
      return arr.map((v) => fix(v, path, true));
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const obj = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        if (k === '#text' && isBlank(v)) continue; // indentation between child elements
        out[k] = fix(v, path ? `${path}.${k}` : k);
      }
      // A wrapper element that came empty (`<Cens></Cens>` → "") gets its list back.
      for (const p of lists) {
        const prefix = path ? `${path}.` : '';
        if (p.startsWith(prefix)) {
          const rest = p.slice(prefix.length).split('.');
          if (rest.length === 2 && Object.hasOwn(out, rest[0]!) && isBlank(out[rest[0]!])) {
            out[rest[0]!] = { [rest[1]!]: [] };
          }
        }
      }
      return out;
    }
    // `<Detail>\n  </Detail>` is an indented empty element, not a value of spaces.
    if (typeof value === 'string' && /[\r\n]/.test(value) && value.trim() === '') return '';
    return value;
  };
  return fix(body, '') as Record<string, unknown>;
}

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false, processEntities: true });

/** Encodes a JSON body as Alibaba XML under `<rootName>`. Arrays repeat their element. */
export function encodeXml(rootName: string, body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [rootName]: body }) as string}`;
}

/** Alibaba's error body, as it is passed on to callers. */
export interface AlibabaError {
  Code: string;
  Message: string;
  RequestId?: string;
  HostId?: string;
  Recommend?: string;
}

const SUCCESS_CODES = new Set(['200', 'OK', 'Success', 'success']);

/**
 * Reads an error from a decoded body (JSON or XML, any letter case of the
 * keys), or returns undefined when the body is not an error. Like the official
 * Node core, a 2xx body with a non-success `Code` is an error too.
 */
export function decodeError(body: unknown, httpStatus: number): AlibabaError | undefined {
  if (!body || typeof body !== 'object') {
    return httpStatus >= 400 ? { Code: httpStatus >= 500 ? 'ServiceUnavailable' : 'UnknownError', Message: `HTTP ${httpStatus}` } : undefined;
  }
  const b = body as Record<string, unknown>;
  const pick = (...keys: string[]) => {
    for (const k of keys) if (typeof b[k] === 'string' || typeof b[k] === 'number') return String(b[k]);
    return undefined;
  };
  const code = pick('Code', 'code');
  if (httpStatus < 400 && (code === undefined || SUCCESS_CODES.has(code))) return undefined;
  const err: AlibabaError = { Code: code ?? (httpStatus >= 500 ? 'ServiceUnavailable' : 'UnknownError'), Message: pick('Message', 'message') ?? `HTTP ${httpStatus}` };
  const requestId = pick('RequestId', 'requestId');
  const hostId = pick('HostId', 'hostId');
  const recommend = pick('Recommend', 'recommend');
  if (requestId) err.RequestId = requestId;
  if (hostId) err.HostId = hostId;
  if (recommend) err.Recommend = recommend;
  return err;
}

/**
 * Decodes a response body by its content type (or the Format that was asked
 * for). XML needs the action's list paths.
 */
export function decodeBody(text: string, contentType: string | null, listPaths: readonly string[] = []): unknown {
  const t = text.trimStart();
  const isXml = contentType?.includes('xml') || t.startsWith('<');
  return isXml ? decodeXml(text, listPaths) : parseJsonLossless(text);
}
