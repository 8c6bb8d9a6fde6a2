/**
 * Decoding Alibaba RPC response bodies (JSON or XML) into the official JSON
 * shape, and encoding that shape as XML (for the emulator).
 */
import { XMLBuilder } from 'fast-xml-parser';

// Strings, or number literals (outside strings a digit or `-` only starts a number).
const JSON_TOKEN = /"(?:[^"\\]|\\[^])*"|-?\d[\d.eE+-]*/g;
const INTEGER = /^-?\d{16,}$/;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Whether an object or array (at any depth) holds a number beyond 2^53, which
 * its literal may not have been. Leaves are tested in the loop, without a
 * call each: most values of an answer are strings.
 */
function hasUnsafeNumberIn(o: object): boolean {
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const x: unknown = o[i];
      if (typeof x === 'object') {
        if (x !== null && hasUnsafeNumberIn(x)) return true;
      } else if (typeof x === 'number' && (x > MAX_SAFE || x < -MAX_SAFE)) return true;
    }
    return false;
  }
  for (const k in o) {
    const x: unknown = (o as Record<string, unknown>)[k];
    if (typeof x === 'object') {
      if (x !== null && hasUnsafeNumberIn(x)) return true;
    } else if (typeof x === 'number' && (x > MAX_SAFE || x < -MAX_SAFE)) return true;
  }
  return false;
}

const hasUnsafeNumber = (v: unknown): boolean =>
  typeof v === 'object' ? v !== null && hasUnsafeNumberIn(v) : typeof v === 'number' && (v > MAX_SAFE || v < -MAX_SAFE);

/**
 * JSON.parse that keeps integers of 16 or more digits exact by reading them as
 * strings (account IDs are Longs). Smaller numbers are ordinary numbers.
 *
 * Fast path for the Worker's CPU budget: a plain `JSON.parse`, kept when no
 * number in the result is beyond 2^53 (an unsafe integer literal always reads
 * as one). Walking the result costs a tenth of the parse (about 0.07 ms for a
 * 500-route page in workerd, against 0.25 ms for a `/\d{16}/` scan of its
 * text). Only then is the text rewritten, quoting the unsafe integer literals
 * that stand as values, and parsed again.
 *
 * @example
 * ```ts
 * parseJsonLossless('{"OwnerId":9188000000000002,"n":1}'); // { OwnerId: '9188000000000002', n: 1 }
 * ```
 */
export function parseJsonLossless(text: string): unknown {
  return parseJsonChecked(text).value;
}

/**
 * `parseJsonLossless`, saying also whether the text was read as it stands
 * (`verbatim`: no unsafe integer had to be quoted), in which case the text
 * itself is a JSON form of the value and need not be written again.
 *
 * @example parseJsonChecked('{"n":1}') // { value: { n: 1 }, verbatim: true }
 */
export function parseJsonChecked(text: string): { value: unknown; verbatim: boolean } {
  const fast: unknown = JSON.parse(text);
  if (!hasUnsafeNumber(fast)) return { value: fast, verbatim: true };
  const value: unknown = JSON.parse(
    text.replace(JSON_TOKEN, (tok) =>
      tok.charCodeAt(0) !== 34 /* " */ && INTEGER.test(tok) && !Number.isSafeInteger(Number(tok)) ? `"${tok}"` : tok,
    ),
  );
  return { value, verbatim: false };
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
  /** The element name, internalised (see {@link internalise}), so property stores stay cheap. */
  name: string;
  path: string;
  isList: boolean;
  /** Lists `path.wrapper.item` whose empty wrapper becomes `{item: []}`. */
  wrappers: [string, string][] | undefined;
  children: Map<string, PathNode>;
  /**
   * Guesses for the next tag, learnt as the document goes: the first child
   * element seen under this path, and the sibling that last followed this
   * element. Alibaba's answers repeat one layout, so the guess is nearly
   * always right, and the tag's name is compared with one string rather than
   * looked up among all the names seen.
   */
  first: PathNode | undefined;
  next: PathNode | undefined;
  /** The object this element was last added to and the value it holds there (an array once it repeats). */
  lastObj: Record<string, unknown> | undefined;
  lastVal: unknown;
  lastIsArray: boolean;
}

const WS = /^[ \t\r\n]*$/;

/**
 * The engine's own copy of a string (as property keys are kept). A name cut
 * out of the document is a new string every time: comparing it, or storing a
 * property by it, would first look it up in the engine's string table.
 */
const internalise = (s: string): string => Object.keys({ [s]: 0 })[0] ?? s;

const isSpace = (d: number): boolean => d === 32 || d === 10 || d === 9 || d === 13;

function xmlError(what: string, at: number): SyntaxError {
  return new SyntaxError(`XML: ${what} at offset ${at}`);
}

/** A value element's text as it is kept: `<Detail>\n  </Detail>` is an indented empty element, not a value of spaces. */
const leafValue = (t: string): string => (t !== '' && t.indexOf('\n') >= 0 && WS.test(t) ? '' : t);

/**
 * Parses an Alibaba XML body into the JSON shape. The root element
 * (`<DescribeCensResponse>`, `<Error>`) is dropped. `listPaths` are the dotted
 * paths of wrapped lists (`Cens.Cen`): a one-item or empty list still comes
 * out as an array. All values stay text; the catalogue's response schemas
 * turn numbers and booleans back into their types.
 *
 * A small, strict, single-pass parser rather than a general one: Alibaba's
 * answers are elements and text only, and a 500-route page must decode well
 * within a Worker's CPU budget (fast-xml-parser took ~25 ms for it; this
 * takes about 0.9 ms of workerd's CPU for its 350 kB). It reads
 * the XML declaration, processing instructions and comments (skipped),
 * attributes (ignored), CDATA (kept as is), the five predefined entities and
 * character references (anything else stays as written); it refuses a DOCTYPE
 * or ENTITY declaration (no entity expansion, ever), a tag that closes the
 * wrong element, an unclosed element and text outside the root element.
 * decode.test.ts checks it against fast-xml-parser.
 *
 * Speed comes from three things: a tag is first matched against the element
 * expected next (see {@link PathNode}) rather than looked up by name; an
 * element holding only text (most of them) is read in one step, open tag to
 * close tag; and a field is added to its object without first looking the
 * name up there (each element path remembers the object it last went into).
 * A name is compared as `slice === name`: in workerd that is about twice as
 * fast as `startsWith` or a loop over char codes.
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
  const nodeFor = (path: string, name: string): PathNode => ({
    name: internalise(name),
    path,
    isList: lists.has(path),
    wrappers: wrappers.get(path),
    children: new Map(),
    first: undefined,
    next: undefined,
    lastObj: undefined,
    lastVal: undefined,
    lastIsArray: false,
  });
  const child = (parent: PathNode, name: string): PathNode => {
    let c = parent.children.get(name);
    if (!c) {
      c = nodeFor(parent.path === '' ? name : `${parent.path}.${name}`, name);
      parent.children.set(name, c);
    }
    return c;
  };
  // Most answers hold no entity and no carriage return: then text needs no clean-up at all.
  const plainText = text.indexOf('&') < 0 && text.indexOf('\r') < 0;
  const clean = (s: string): string => (plainText ? s : decodeEntities(normaliseEol(s)));
  // A compact document (no line break anywhere) has no indentation to tell from a value.
  const compact = text.indexOf('\n') < 0;

  // The open elements, one slot per depth: the element, its child elements
  // (once the first one is seen), its own text, and its last child element.
  const nodes: PathNode[] = [];
  const objs: (Record<string, unknown> | undefined)[] = [];
  const texts: string[] = [];
  const prevs: (PathNode | undefined)[] = [];
  let depth = 0;
  let body: Record<string, unknown> | undefined;
  let sawRoot = false;
  const n = text.length;
  let i = 0;

  /** Adds an element's value to the open element at depth `d`. */
  const attach = (d: number, node: PathNode, value: unknown): void => {
    const obj = (objs[d] ??= {});
    const name = node.name;
    if (node.lastObj !== obj) {
      node.lastObj = obj;
      // A list element is there, so it is at least one item (`<Id/>` is one empty string).
      const v = node.isList ? [value] : value;
      node.lastVal = v;
      node.lastIsArray = node.isList;
      obj[name] = v;
    } else if (node.lastIsArray) {
      (node.lastVal as unknown[]).push(value);
    } else {
      // An element that repeats without being a known list: an array, as a general parser gives.
      const arr = [node.lastVal, value];
      node.lastVal = arr;
      node.lastIsArray = true;
      obj[name] = arr;
    }
  };

  /** Closes the element at depth `d` and adds it to its parent (or makes it the body). */
  const finish = (d: number): void => {
    const node = nodes[d]!;
    const out = objs[d];
    const t = texts[d]!;
    let value: unknown;
    if (out === undefined) {
      value = leafValue(t);
    } else {
      if (t !== '' && !WS.test(t)) out['#text'] = t; // text beside child elements; indentation is dropped
      const ws = node.wrappers;
      if (ws) {
        // A wrapper element that came empty (`<Cens></Cens>` → "") gets its list back.
        for (const [wrapper, item] of ws) {
          const w = node.children.get(wrapper);
          if (w && w.lastObj === out && !w.lastIsArray && isBlank(w.lastVal)) {
            const empty: Record<string, unknown> = {};
            empty[item] = [];
            out[wrapper] = empty;
          }
        }
      }
      value = out;
    }
    objs[d] = undefined;
    if (d > 0) attach(d - 1, node, value);
    else body = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  };

  while (i < n) {
    // In a compact document the next tag starts right where the last one ended.
    const lt = text.charCodeAt(i) === 60 /* < */ ? i : text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (depth > 0) texts[depth - 1] += clean(text.slice(i, end));
      else if (!WS.test(text.slice(i, end))) throw xmlError('text outside the root element', i);
    }
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const name = depth > 0 ? nodes[depth - 1]!.name : '';
      const k = lt + 2 + name.length;
      if (depth > 0 && text.charCodeAt(k) === 62 /* > */ && text.slice(lt + 2, k) === name) {
        finish(--depth);
        i = k + 1;
        continue;
      }
      // `</Name  >`, or a tag that closes the wrong element.
      const gt = text.indexOf('>', lt + 2);
      if (gt < 0) throw xmlError('unterminated closing tag', lt);
      const got = text.slice(lt + 2, gt);
      if (depth === 0 || got.trimEnd() !== name) throw xmlError(depth > 0 ? `</${got.trim()}> closes <${name}>` : `</${got.trim()}> closes nothing`, lt);
      finish(--depth);
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
        if (depth === 0) throw xmlError('CDATA outside the root element', lt);
        texts[depth - 1] += normaliseEol(text.slice(lt + 9, e));
        i = e + 3;
      } else if (/^(DOCTYPE|ENTITY)/i.test(text.slice(lt + 2, lt + 9))) {
        throw new SyntaxError('XML with a DOCTYPE or ENTITY declaration is refused');
      } else {
        throw xmlError('unexpected markup <!', lt);
      }
    } else {
      const d = depth - 1; // the parent's depth; -1 for the root element
      let node: PathNode | undefined;
      let gt = -1;
      if (d >= 0) {
        // 1. The element expected next (see PathNode): `<Name>` or `<Name/>`.
        const prev = prevs[d];
        const guess = prev !== undefined ? prev.next : nodes[d]!.first;
        if (guess !== undefined) {
          const e = lt + 1 + guess.name.length;
          const ch = text.charCodeAt(e);
          if ((ch === 62 || (ch === 47 && text.charCodeAt(e + 1) === 62)) && text.slice(lt + 1, e) === guess.name) {
            node = guess;
            gt = ch === 62 ? e : e + 1;
          }
        }
        if (node === undefined) {
          // 2. A name already seen under this parent (seen names hold no space, quote or '/',
          // so the tag has no attributes).
          const g = text.indexOf('>', lt + 1);
          const slash = g > 0 && text.charCodeAt(g - 1) === 47; /* / */
          node = g > 0 ? nodes[d]!.children.get(text.slice(lt + 1, slash ? g - 1 : g)) : undefined;
          if (node !== undefined) gt = g;
        }
      }
      if (node === undefined) {
        // 3. Any tag: read the name, skip the attributes.
        let j = lt + 1;
        for (let ch = text.charCodeAt(j); j < n && ch !== 62 && ch !== 47 && !isSpace(ch); ch = text.charCodeAt(++j));
        if (j === lt + 1) throw xmlError("'<' that starts no element", lt);
        const name = text.slice(lt + 1, j);
        if (name === '__proto__' || /["'<&=]/.test(name)) throw xmlError(`a bad element name ${JSON.stringify(name)}`, lt);
        // A quoted attribute value may hold '>' or '/'.
        let q = 0;
        for (; j < n; j++) {
          const ch = text.charCodeAt(j);
          if (q) {
            if (ch === q) q = 0;
          } else if (ch === 34 || ch === 39) q = ch;
          else if (ch === 62 /* > */) break;
        }
        if (j >= n) throw xmlError(`unterminated tag <${name}>`, lt);
        if (d < 0 && sawRoot) throw xmlError(`a second root element <${name}>`, lt);
        sawRoot = true;
        // The root element's own name is not part of any path.
        node = d >= 0 ? child(nodes[d]!, name) : nodeFor('', name);
        gt = j;
      }
      if (d >= 0) {
        objs[d] ??= {};
        const prev = prevs[d];
        if (prev !== undefined) {
          if (prev.next !== node) prev.next = node;
        } else if (nodes[d]!.first !== node) nodes[d]!.first = node;
        prevs[d] = node;
      }
      if (text.charCodeAt(gt - 1) === 47 /* / */) {
        // `<Name/>`: an empty value.
        if (d >= 0) attach(d, node, '');
        else body = {};
        i = gt + 1;
        continue;
      }
      // An element holding only text, `<Name>text</Name>`, in one step.
      const name = node.name;
      const lt2 = text.indexOf('<', gt + 1);
      const k = lt2 + 2 + name.length;
      if (lt2 > 0 && text.charCodeAt(lt2 + 1) === 47 && text.charCodeAt(k) === 62 && text.slice(lt2 + 2, k) === name) {
        const value = lt2 === gt + 1 ? '' : compact ? clean(text.slice(gt + 1, lt2)) : leafValue(clean(text.slice(gt + 1, lt2)));
        if (d >= 0) attach(d, node, value);
        else body = {};
        i = k + 1;
        continue;
      }
      nodes[depth] = node;
      objs[depth] = undefined;
      texts[depth] = '';
      prevs[depth] = undefined;
      depth++;
      i = gt + 1;
    }
  }
  if (depth > 0) throw xmlError(`<${nodes[depth - 1]!.name}> is not closed`, n);
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
  return bodyIsXml(text, contentType) ? decodeXml(text, listPaths) : parseJsonLossless(text);
}

/** Whether an answer is XML: by its content type, or, without one, by its first character. */
export function bodyIsXml(text: string, contentType: string | null): boolean {
  return !!contentType?.includes('xml') || text.trimStart().startsWith('<');
}
