/**
 * Decoding Alibaba RPC response bodies (JSON or XML) into the official JSON
 * shape, and encoding that shape as XML (for the emulator).
 */
import { XMLBuilder } from 'fast-xml-parser';

// Strings, or number literals (outside strings a digit or `-` only starts a number).
const JSON_TOKEN = /"(?:[^"\\]|\\[^])*"|-?\d[\d.eE+-]*/g;
const INTEGER = /^-?\d{16,}$/;

/** Whether a parsed value holds a number beyond 2^53, which its literal may not have been. */
function hasUnsafeNumber(v: unknown): boolean {
  if (typeof v === 'number') return v > Number.MAX_SAFE_INTEGER || v < -Number.MAX_SAFE_INTEGER;
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) {
    for (const x of v) if (hasUnsafeNumber(x)) return true;
    return false;
  }
  for (const k in v) if (hasUnsafeNumber((v as Record<string, unknown>)[k])) return true;
  return false;
}

/**
 * JSON.parse that keeps integers of 16 or more digits exact by reading them as
 * strings (account IDs are Longs). Smaller numbers are ordinary numbers.
 *
 * Fast path for the Worker's CPU budget: a plain `JSON.parse`, kept when no
 * number in the result is beyond 2^53 (an unsafe integer literal always reads
 * as one). Walking the result costs a fraction of the parse (about 0.15 ms for
 * a 500-route page, against 0.35 ms for a `/\d{16}/` scan of its text). Only
 * then is the text rewritten, quoting the unsafe integer literals that stand
 * as values, and parsed again.
 *
 * @example
 * ```ts
 * parseJsonLossless('{"OwnerId":9188000000000002,"n":1}'); // { OwnerId: '9188000000000002', n: 1 }
 * ```
 */
export function parseJsonLossless(text: string): unknown {
  const fast: unknown = JSON.parse(text);
  if (!hasUnsafeNumber(fast)) return fast;
  return JSON.parse(
    text.replace(JSON_TOKEN, (tok) =>
      tok.charCodeAt(0) !== 34 /* " */ && INTEGER.test(tok) && !Number.isSafeInteger(Number(tok)) ? `"${tok}"` : tok,
    ),
  );
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Only XML's five predefined entities and character references; nothing a document declares. */
function decodeEntities(value: string): string {
  if (value.indexOf('&') < 0) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return PREDEFINED[e] ?? m;
  });
}

/** XML's end-of-line handling: `\r\n` and a lone `\r` read as `\n`. */
const normaliseEol = (s: string): string => (s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n'));

const isBlank = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.trim() === '');

/** An element path below the root (`Cens.Cen`), made once per document and name. */
interface PathNode {
  /** The element name; the same string object every time, so property stores stay cheap. */
  name: string;
  path: string;
  isList: boolean;
  /** Lists `path.wrapper.item` whose empty wrapper becomes `{item: []}`. */
  wrappers: [string, string][] | undefined;
  children: Map<string, PathNode>;
}

/** One open element while parsing. */
interface Frame {
  node: PathNode;
  /** Child elements, once the first one is seen. */
  obj: Record<string, unknown> | undefined;
  /** Its own text, entities decoded, CDATA as is. */
  text: string;
}

const WS = /^[ \t\r\n]*$/;

const isSpace = (d: number): boolean => d === 32 || d === 10 || d === 9 || d === 13;

function xmlError(what: string, at: number): SyntaxError {
  return new SyntaxError(`XML: ${what} at offset ${at}`);
}

/**
 * Parses an Alibaba XML body into the JSON shape. The root element
 * (`<DescribeCensResponse>`, `<Error>`) is dropped. `listPaths` are the dotted
 * paths of wrapped lists (`Cens.Cen`): a one-item or empty list still comes
 * out as an array. All values stay text; the catalogue's response schemas
 * turn numbers and booleans back into their types.
 *
 * A small, strict, single-pass parser rather than a general one: Alibaba's
 * answers are elements and text only, and a 500-route page must decode well
 * within a Worker's CPU budget (fast-xml-parser took ~25 ms for it; this takes
 * about a millisecond). It reads the XML declaration, processing instructions
 * and comments (skipped), attributes (ignored), CDATA (kept as is), the five
 * predefined entities and character references (anything else stays as
 * written); it refuses a DOCTYPE or ENTITY declaration (no entity expansion,
 * ever), a tag that closes the wrong element, an unclosed element and text
 * outside the root element. decode.test.ts checks it against fast-xml-parser.
 *
 * @example
 * ```ts
 * decodeXml('<R><Cens><Cen><CenId>cen-1</CenId></Cen></Cens></R>', ['Cens.Cen']);
 * // { Cens: { Cen: [{ CenId: 'cen-1' }] } }
 * ```
 */
export function decodeXml(text: string, listPaths: readonly string[] = []): Record<string, unknown> {
  const lists = new Set(listPaths);
  const wrappers = new Map<string, [string, string][]>();
  for (const p of listPaths) {
    const parts = p.split('.');
    if (parts.length < 2) continue;
    const at = parts.slice(0, -2).join('.');
    const pair: [string, string] = [parts[parts.length - 2]!, parts[parts.length - 1]!];
    const known = wrappers.get(at);
    if (known) known.push(pair);
    else wrappers.set(at, [pair]);
  }
  const nodeFor = (path: string, name: string): PathNode => ({ name, path, isList: lists.has(path), wrappers: wrappers.get(path), children: new Map() });
  const child = (parent: PathNode, name: string): PathNode => {
    let c = parent.children.get(name);
    if (!c) {
      c = nodeFor(parent.path === '' ? name : `${parent.path}.${name}`, name);
      parent.children.set(name, c);
    }
    return c;
  };

  const stack: Frame[] = [];
  const repeated = new Set<unknown[]>();
  let body: Record<string, unknown> | undefined;
  let sawRoot = false;
  const n = text.length;
  let i = 0;

  const close = (f: Frame): unknown => {
    if (f.obj === undefined) {
      // `<Detail>\n  </Detail>` is an indented empty element, not a value of spaces.
      return f.text !== '' && f.text.indexOf('\n') >= 0 && WS.test(f.text) ? '' : f.text;
    }
    const out = f.obj;
    if (f.text !== '' && !WS.test(f.text)) out['#text'] = f.text; // text beside child elements; indentation is dropped
    const ws = f.node.wrappers;
    if (ws) {
      // A wrapper element that came empty (`<Cens></Cens>` → "") gets its list back.
      for (const [wrapper, item] of ws) {
        if (Object.hasOwn(out, wrapper) && isBlank(out[wrapper])) out[wrapper] = { [item]: [] };
      }
    }
    return out;
  };

  const attach = (parent: Frame, node: PathNode, value: unknown): void => {
    const obj = (parent.obj ??= {});
    const name = node.name;
    const old = obj[name];
    if (node.isList) {
      // The element is there, so it is at least one item (`<Id/>` is one empty string).
      if (old === undefined) obj[name] = [value];
      else (old as unknown[]).push(value);
    } else if (old === undefined || !Object.hasOwn(obj, name)) {
      obj[name] = value;
    } else if (repeated.has(old as unknown[])) {
      (old as unknown[]).push(value);
    } else {
      // An element that repeats without being a known list: an array, as a general parser gives.
      const arr = [old, value];
      repeated.add(arr);
      obj[name] = arr;
    }
  };

  const finish = (f: Frame): void => {
    const value = close(f);
    const parent = stack[stack.length - 1];
    if (parent) attach(parent, f.node, value);
    else body = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const f = stack[stack.length - 1];
      if (f) f.text += decodeEntities(normaliseEol(text.slice(i, end)));
      else if (!WS.test(text.slice(i, end))) throw xmlError('text outside the root element', i);
    }
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const f = stack.pop();
      const name = f?.node.name ?? '';
      const k = lt + 2 + name.length;
      if (f && text.charCodeAt(k) === 62 /* > */ && text.startsWith(name, lt + 2)) {
        finish(f);
        i = k + 1;
        continue;
      }
      // `</Name  >`, or a tag that closes the wrong element.
      const gt = text.indexOf('>', lt + 2);
      if (gt < 0) throw xmlError('unterminated closing tag', lt);
      const got = text.slice(lt + 2, gt);
      if (!f || got.trimEnd() !== name) throw xmlError(f ? `</${got.trim()}> closes <${name}>` : `</${got.trim()}> closes nothing`, lt);
      finish(f);
      i = gt + 1;
    } else if (c === 63 /* ? */) {
      const e = text.indexOf('?>', lt + 2);
      if (e < 0) throw xmlError('unterminated processing instruction', lt);
      i = e + 2;
    } else if (c === 33 /* ! */) {
      if (text.startsWith('--', lt + 2)) {
        const e = text.indexOf('-->', lt + 4);
        if (e < 0) throw xmlError('unterminated comment', lt);
        i = e + 3;
      } else if (text.startsWith('[CDATA[', lt + 2)) {
        const e = text.indexOf(']]>', lt + 9);
        if (e < 0) throw xmlError('unterminated CDATA section', lt);
        const f = stack[stack.length - 1];
        if (!f) throw xmlError('CDATA outside the root element', lt);
        f.text += normaliseEol(text.slice(lt + 9, e));
        i = e + 3;
      } else if (/^(DOCTYPE|ENTITY)/i.test(text.slice(lt + 2, lt + 9))) {
        throw new SyntaxError('XML with a DOCTYPE or ENTITY declaration is refused');
      } else {
        throw xmlError('unexpected markup <!', lt);
      }
    } else {
      const parent = stack[stack.length - 1];
      // Fast path: `<Name>` or `<Name/>` with a name already seen under this parent
      // (seen names hold no space, quote or '/', so the tag has no attributes).
      const gt = text.indexOf('>', lt + 1);
      const slash = gt > 0 && text.charCodeAt(gt - 1) === 47; /* / */
      let node = parent && gt > 0 ? parent.node.children.get(text.slice(lt + 1, slash ? gt - 1 : gt)) : undefined;
      let j = gt;
      if (!node) {
        j = lt + 1;
        for (let d = text.charCodeAt(j); j < n && d !== 62 && d !== 47 && !isSpace(d); d = text.charCodeAt(++j));
        if (j === lt + 1) throw xmlError("'<' that starts no element", lt);
        const name = text.slice(lt + 1, j);
        if (name === '__proto__' || /["'<&=]/.test(name)) throw xmlError(`a bad element name ${JSON.stringify(name)}`, lt);
        // Skip attributes (a quoted value may hold '>' or '/').
        let q = 0;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (q) {
            if (d === q) q = 0;
          } else if (d === 34 || d === 39) q = d;
          else if (d === 62 /* > */) break;
        }
        if (j >= n) throw xmlError(`unterminated tag <${name}>`, lt);
        if (!parent && sawRoot) throw xmlError(`a second root element <${name}>`, lt);
        sawRoot = true;
        // The root element's own name is not part of any path.
        node = parent ? child(parent.node, name) : nodeFor('', name);
      }
      const f: Frame = { node, obj: undefined, text: '' };
      if (parent) parent.obj ??= {};
      if (text.charCodeAt(j - 1) === 47 /* / */) finish(f);
      else stack.push(f);
      i = j + 1;
    }
  }
  if (stack.length) throw xmlError(`<${stack[stack.length - 1]!.node.name}> is not closed`, n);
  return body ?? {};
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
