import { describe, expect, test } from 'vitest';
import * as fc from 'fast-check';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { decodeBody, decodeError, decodeXml, encodeXml, parseJsonLossless } from './decode.js';
import { text } from './test-arbitraries.js';

// What the catalogue's listPaths() gives for DescribeCens.
const CEN_LISTS = ['Cens.Cen', 'Cens.Cen.CenBandwidthPackageIds.CenBandwidthPackageId', 'Cens.Cen.Tags.Tag'];

const describeCensXml = (cens: string) => `<?xml version="1.0" encoding="UTF-8"?>
<DescribeCensResponse>
  <RequestId>9823FD72-9A5D-4D3F-BA2C-F8238696A81C</RequestId>
  <TotalCount>1</TotalCount>
  <PageNumber>1</PageNumber>
  <PageSize>10</PageSize>
  ${cens}
</DescribeCensResponse>`;

describe('decodeXml', () => {
  test('a one-item list stays an array, at every depth, when its path is listed', () => {
    const xml = describeCensXml(`<Cens>
    <Cen>
      <CenId>cen-1</CenId>
      <Name>a &amp; b </Name>
      <Status>Active</Status>
      <CenBandwidthPackageIds>
        <CenBandwidthPackageId>cenbwp-1</CenBandwidthPackageId>
      </CenBandwidthPackageIds>
      <Tags>
      </Tags>
    </Cen>
  </Cens>`);
    expect(decodeXml(xml, CEN_LISTS)).toEqual({
      RequestId: '9823FD72-9A5D-4D3F-BA2C-F8238696A81C',
      TotalCount: '1',
      PageNumber: '1',
      PageSize: '10',
      Cens: { Cen: [{ CenId: 'cen-1', Name: 'a & b ', Status: 'Active', CenBandwidthPackageIds: { CenBandwidthPackageId: ['cenbwp-1'] }, Tags: { Tag: [] } }] },
    });
    // Without the paths XML cannot tell one item from a field: that is why they are needed.
    expect((decodeXml(xml).Cens as { Cen: unknown }).Cen).not.toBeInstanceOf(Array);
  });

  test('two items are two, in document order', () => {
    const body = decodeXml(describeCensXml('<Cens><Cen><CenId>cen-2</CenId></Cen><Cen><CenId>cen-1</CenId></Cen></Cens>'), CEN_LISTS);
    expect(body.Cens).toEqual({ Cen: [{ CenId: 'cen-2' }, { CenId: 'cen-1' }] });
  });

  test('an empty wrapper, in any spelling, is an empty list; an empty item is one empty string', () => {
    for (const empty of ['<Cens></Cens>', '<Cens/>', '<Cens>\n   </Cens>']) {
      expect(decodeXml(describeCensXml(empty), CEN_LISTS).Cens).toEqual({ Cen: [] });
    }
    const one = decodeXml(describeCensXml('<Cens><Cen><CenBandwidthPackageIds><CenBandwidthPackageId/></CenBandwidthPackageIds></Cen></Cens>'), CEN_LISTS);
    expect(one.Cens).toEqual({ Cen: [{ CenBandwidthPackageIds: { CenBandwidthPackageId: [''] } }] });
  });

  test("values keep their own spaces; an element's indentation is not a value", () => {
    expect(decodeXml('<R>\n  <A>  two spaces  </A>\n  <B>\n    <C>x</C>\n  </B>\n  <D>\n  </D>\n  <E> </E>\n</R>')).toEqual({ A: '  two spaces  ', B: { C: 'x' }, D: '', E: ' ' });
  });

  test('predefined entities and character references decode once; nothing else is expanded', () => {
    const body = decodeXml('<R><A>&lt;&gt;&amp;&quot;&apos;</A><B>&#20013;&#x6587;&#x1F600;</B><C>&amp;lt;</C><D>&foo;&LT;</D><E><![CDATA[a < b]]></E></R>');
    expect(body).toEqual({ A: `<>&"'`, B: '中文😀', C: '&lt;', D: '&foo;&LT;', E: 'a < b' });
  });

  test('a DOCTYPE or ENTITY declaration is refused (entity-expansion attack)', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<R><A>&lol2;</A></R>`;
    expect(() => decodeXml(laughs)).toThrow(SyntaxError);
    expect(() => decodeXml(laughs)).toThrow(/DOCTYPE or ENTITY/);
    expect(() => decodeXml('<!doctype r><R/>')).toThrow(/refused/);
    expect(() => decodeXml('<R><!ENTITY x "y"></R>')).toThrow(/refused/);
  });

  test('an Error body (cen-api.md §3.5) becomes its fields', () => {
    const xml = `<?xml version='1.0' encoding='UTF-8'?>
<Error>
  <RequestId>9823FD72-9A5D-4D3F-BA2C-F8238696A81C</RequestId>
  <HostId>business.aliyuncs.com</HostId>
  <Code>InvalidAction.NotFound</Code>
  <Message>Specified api is not found, please check your url and method.</Message>
</Error>`;
    const body = decodeXml(xml);
    expect(body).toEqual({
      RequestId: '9823FD72-9A5D-4D3F-BA2C-F8238696A81C',
      HostId: 'business.aliyuncs.com',
      Code: 'InvalidAction.NotFound',
      Message: 'Specified api is not found, please check your url and method.',
    });
    expect(decodeError(body, 404)).toEqual(body);
  });

  test('encodeXml → decodeXml gives back the JSON (all values as text)', () => {
    // XML 1.0 cannot carry most control characters, and a parser normalises \r; a value
    // of only line breaks and spaces reads as an indented empty element (see above).
    const xmlText = text.filter((s) => !/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/.test(s) && !(/\n/.test(s) && s.trim() === ''));
    const item = fc.record({
      Id: xmlText,
      Name: xmlText,
      Bandwidth: fc.integer(),
      Enabled: fc.boolean(),
      Subs: fc.record({ Sub: fc.array(xmlText, { maxLength: 3 }) }),
    });
    const response = fc.record({ RequestId: fc.uuid(), TotalCount: fc.nat(), Description: xmlText, Items: fc.record({ Item: fc.array(item, { maxLength: 3 }) }) });
    const asText = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(asText) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asText(x)])) : String(v);
    fc.assert(
      fc.property(response, (json) => {
        const xml = encodeXml('DescribeThingsResponse', json);
        expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><DescribeThingsResponse>')).toBe(true);
        expect(decodeXml(xml, ['Items.Item', 'Items.Item.Subs.Sub'])).toEqual(asText(json));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The decoder as it was on fast-xml-parser, kept as the oracle for the
 * hand-written one (same options, same clean-up of its output).
 */
function referenceDecodeXml(text: string, listPaths: readonly string[]): Record<string, unknown> {
  const PRE: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  const entities = (v: string) =>
    v.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return PRE[e] ?? m;
    });
  const parser = new XMLParser({
    ignoreAttributes: true, parseTagValue: false, processEntities: false, tagValueProcessor: (_n: string, v: string) => entities(v),
    htmlEntities: false, ignoreDeclaration: true, ignorePiTags: true, trimValues: false,
  });
  const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');
  const doc = parser.parse(text) as Record<string, unknown>;
  const root = doc[Object.keys(doc)[0]!];
  const lists = new Set(listPaths);
  const fix = (value: unknown, path: string, isItem = false): unknown => {
    if (!isItem && lists.has(path)) return (Array.isArray(value) ? value : [value]).map((v) => fix(v, path, true));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (!(k === '#text' && blank(v))) out[k] = fix(v, path ? `${path}.${k}` : k);
      for (const p of lists) {
        const prefix = path ? `${path}.` : '';
        const rest = p.startsWith(prefix) ? p.slice(prefix.length).split('.') : [];
        if (rest.length === 2 && Object.hasOwn(out, rest[0]!) && blank(out[rest[0]!])) out[rest[0]!] = { [rest[1]!]: [] };
      }
      return out;
    }
    return typeof value === 'string' && /[\r\n]/.test(value) && value.trim() === '' ? '' : value;
  };
  return fix(root && typeof root === 'object' ? root : {}, '') as Record<string, unknown>;
}

describe('decodeXml against fast-xml-parser', () => {
  // Alibaba-like answers: text fields (entities, CJK, emoji, spaces, line breaks), lists of
  // records and of strings at every depth, empty and one-item lists.
  const xmlText = text.filter((s) => !/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/.test(s));
  const record = fc.record(
    {
      Id: xmlText,
      Note: fc.oneof(xmlText, fc.constantFrom('a &amp; b', '&#20013;&#x6587;', '&foo;', '  x  ', '\n  ', ' ')),
      Count: fc.integer(),
      Subs: fc.record({ Sub: fc.array(xmlText, { maxLength: 3 }) }),
      Maps: fc.record({ Map: fc.array(fc.record({ RegionId: xmlText, RouteMapId: xmlText }, { requiredKeys: [] }), { maxLength: 2 }) }),
    },
    { requiredKeys: ['Id'] },
  );
  const answer = fc.record({ RequestId: fc.uuid(), Items: fc.record({ Item: fc.array(record, { maxLength: 4 }) }), Extra: fc.option(xmlText, { nil: undefined }) }, { requiredKeys: ['RequestId', 'Items'] });
  const PATHS = ['Items.Item', 'Items.Item.Subs.Sub', 'Items.Item.Maps.Map'];
  const pretty = new XMLBuilder({ ignoreAttributes: true, format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true });

  test('the same output on generated documents, compact and indented', () => {
    fc.assert(
      fc.property(answer, fc.boolean(), (json, indented) => {
        const xml = indented ? `<?xml version="1.0" encoding="UTF-8"?>\n${pretty.build({ R: json }) as string}` : encodeXml('R', json);
        expect(decodeXml(xml, PATHS)).toEqual(referenceDecodeXml(xml, PATHS));
      }),
      { numRuns: 400 },
    );
  });

  test('the same output when sibling order, repeats and spellings change from element to element', () => {
    // The decoder guesses each tag from the one that followed last time; here the guesses are often wrong.
    const NAMES = ['A', 'AB', 'Item', 'Items', 'Sub', 'b:C'];
    // (No value of only line breaks and spaces: fast-xml-parser keeps those in a repeated element's array, this decoder does not.)
    const leaf = fc.oneof(
      xmlText.map((t) => t.replace(/[<&]/g, '')).filter((t) => !(/\n/.test(t) && t.trim() === '')),
      fc.constantFrom('', ' ', 'a &amp; b', '&#20013;', 'x\r\ny'),
    );
    type Tree = { name: string; body: string | Tree[]; selfClose: boolean; spaceInClose: boolean };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
      t: fc.record({
        name: fc.constantFrom(...NAMES),
        body: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('t'), { maxLength: 5 })),
        selfClose: fc.boolean(),
        spaceInClose: fc.boolean(),
      }),
    })).t;
    const paths = ['Items.Item', 'Items.Item.Sub', 'A.AB', 'Items.Item.A.AB'];
    // A list's wrapper appears once in its parent (fast-xml-parser's output, cleaned up by the
    // reference, loses the list inside a repeated wrapper; Alibaba never repeats one).
    const wrappers = new Set(paths.map((p) => p.split('.').slice(0, -1).join('.')));
    const children = (kids: Tree[], at: string): Tree[] => {
      const seen = new Set<string>();
      return kids.filter((k) => {
        const path = at ? `${at}.${k.name}` : k.name;
        if (!wrappers.has(path)) return true;
        if (seen.has(k.name)) return false;
        seen.add(k.name);
        return true;
      });
    };
    const render = (t: Tree, at: string): string => {
      if (t.selfClose && (t.body === '' || (Array.isArray(t.body) && !t.body.length))) return `<${t.name}/>`;
      const path = at ? `${at}.${t.name}` : t.name;
      const inner = typeof t.body === 'string' ? t.body : children(t.body, path).map((k) => render(k, path)).join('');
      return `<${t.name}>${inner}</${t.name}${t.spaceInClose ? ' ' : ''}>`;
    };
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.boolean(), (kids, pretty) => {
        const xml = `<R>${children(kids, '').map((k) => render(k, '')).join(pretty ? '\n  ' : '')}</R>`;
        expect(decodeXml(xml, paths), xml).toEqual(referenceDecodeXml(xml, paths));
      }),
      { numRuns: 600 },
    );
  });

  test('the same output on hand-written edge cases', () => {
    for (const xml of [
      '<R><A>1</A><!-- c --><A>2</A></R>',
      '<R><A x="1>" y=\'/\'>v</A><B z="q"/></R>',
      '<R><A>t1<B>x</B>t2</A></R>',
      '<R>text only</R>',
      '<R/>',
      '<?xml version="1.0"?><?pi stuff?><R>\r\n<A>a\r\nb</A></R>',
      '<a:R><b:A>1</b:A></a:R>',
      '<R><A><B>1</B></A><A><B>2</B></A></R>',
      '<R><Items></Items></R>',
      '<R><Items>   </Items></R>',
      '<R><A>1</A><B/><A>2</A><A>3</A></R>',
      '<R><Cen><CenId>1</CenId></Cen><CenId>2</CenId><Cen/></R>',
      '<R><Items><Item><Id>1</Id></Item><Item><Subs/><Id>2</Id></Item><Item><Id>3</Id ></Item></Items></R>',
      '<R><A>x<!-- c -->y</A><B><![CDATA[z]]></B></R>',
    ]) {
      expect(decodeXml(xml, PATHS), xml).toEqual(referenceDecodeXml(xml, PATHS));
    }
  });

  test('stricter than fast-xml-parser: broken nesting, unclosed elements, stray text and a second root are SyntaxErrors', () => {
    for (const xml of ['<R><A>1</B></R>', '<R><A>1</A>', '<R></R>tail', '<R/><S/>', '<R><A', '<R><!-- x</R>', '<R><__proto__>1</__proto__></R>', '<R>< A>1</A></R>']) {
      expect(() => decodeXml(xml), xml).toThrow(SyntaxError);
    }
  });

  test('element names that are Object.prototype keys are plain fields (fast-xml-parser refuses them)', () => {
    const out = decodeXml('<R><constructor>1</constructor><toString>2</toString><toString>3</toString></R>');
    expect(Object.entries(out)).toEqual([['constructor', '1'], ['toString', ['2', '3']]]);
  });

  test('CDATA is kept as written (fast-xml-parser would decode entities inside it)', () => {
    expect(decodeXml('<R><A>a<![CDATA[&amp; <b>]]>c</A></R>')).toEqual({ A: 'a&amp; <b>c' });
  });

  test('linear time: 20,000 list items decode in well under a second', () => {
    const big = `<R><Items>${'<Item><Id>x</Id><Subs><Sub>a</Sub></Subs></Item>'.repeat(20_000)}</Items></R>`;
    const t0 = performance.now();
    const out = decodeXml(big, PATHS) as { Items: { Item: unknown[] } };
    expect(out.Items.Item).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('parseJsonLossless', () => {
  test('keeps a 16-digit account ID exact as a string of digits', () => {
    const body = parseJsonLossless('{"OwnerId":9188000000000002,"Ids":[9188000000000002,-9188000000000003],"Nested":{"A":12345678901234567890}}');
    expect(body).toEqual({ OwnerId: '9188000000000002', Ids: ['9188000000000002', '-9188000000000003'], Nested: { A: '12345678901234567890' } });
  });

  test('leaves numbers that are exact as numbers', () => {
    expect(parseJsonLossless('{"a":1,"b":-3,"c":1.5,"d":1e3,"e":1000000000000000,"f":9007199254740991,"g":0.12345678901234567890,"h":-0}')).toEqual({
      a: 1,
      b: -3,
      c: 1.5,
      d: 1000,
      e: 1000000000000000,
      f: 9007199254740991,
      g: 0.12345678901234568,
      h: -0,
    });
  });

  test('leaves strings and keys with digits inside untouched', () => {
    const json = String.raw`{"9188000000000002":"9188000000000002","a":"id 9188000000000002","b":"q\"9188000000000002\"","c":"\\","d":9188000000000002}`;
    expect(parseJsonLossless(json)).toEqual({ '9188000000000002': '9188000000000002', a: 'id 9188000000000002', b: 'q"9188000000000002"', c: '\\', d: '9188000000000002' });
  });

  test('equals JSON.parse on any JSON without unsafe integers', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const unsafe = (x: unknown): boolean =>
          typeof x === 'number' ? Number.isInteger(x) && !Number.isSafeInteger(x) : !!x && typeof x === 'object' && Object.values(x).some(unsafe);
        fc.pre(!unsafe(v));
        const s = JSON.stringify(v);
        expect(parseJsonLossless(s)).toEqual(JSON.parse(s));
      }),
      { numRuns: 500 },
    );
  });

  test('every unsafe integer comes back digit for digit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n, max: 10n ** 30n }), fc.boolean(), (n, neg) => {
        const lit = (neg ? -n : n).toString();
        expect(parseJsonLossless(`{"AccountId":${lit},"x":[${lit}]}`)).toEqual({ AccountId: lit, x: [lit] });
      }),
    );
  });

  test('bad JSON is a SyntaxError', () => {
    expect(() => parseJsonLossless('{"a":')).toThrow(SyntaxError);
    expect(() => parseJsonLossless('<html>')).toThrow(SyntaxError);
  });
});

describe('decodeError', () => {
  test("Alibaba's JSON error body", () => {
    const body = parseJsonLossless(
      '{"Recommend":"https://error-center.aliyun.com/status/search?Keyword=SignatureDoesNotMatch&source=PopGw","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D","RequestId":"1DD9FD9A-8E57-43E5-B911-E4F5AD2027F7","HostId":"alidns.aliyuncs.com","Code":"SignatureDoesNotMatch","AccessDeniedDetail":{"x":1}}',
    );
    expect(decodeError(body, 400)).toEqual({
      Code: 'SignatureDoesNotMatch',
      Message: 'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D',
      RequestId: '1DD9FD9A-8E57-43E5-B911-E4F5AD2027F7',
      HostId: 'alidns.aliyuncs.com',
      Recommend: 'https://error-center.aliyun.com/status/search?Keyword=SignatureDoesNotMatch&source=PopGw',
    });
  });

  test('lower-case keys', () => {
    expect(decodeError({ code: 'Throttling.User', message: 'Request was denied due to user flow control', requestId: 'R1' }, 400)).toEqual({
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control',
      RequestId: 'R1',
    });
  });

  test('a 2xx body with a non-success Code is an error; success codes and plain bodies are not', () => {
    expect(decodeError({ Code: 'Operation.Blocking', Message: 'busy', RequestId: 'R' }, 200)).toMatchObject({ Code: 'Operation.Blocking', Message: 'busy' });
    expect(decodeError({ Code: 500, RequestId: 'R' }, 200)).toMatchObject({ Code: '500', Message: 'HTTP 200' });
    for (const Code of ['200', 200, 'OK', 'Success', 'success']) expect(decodeError({ Code, RequestId: 'R' }, 200)).toBeUndefined();
    expect(decodeError({ RequestId: 'R', CenId: 'cen-1' }, 200)).toBeUndefined();
  });

  test('a 4xx/5xx body without a Code still is an error', () => {
    expect(decodeError('<html>bad gateway</html>', 502)).toEqual({ Code: 'ServiceUnavailable', Message: 'HTTP 502' });
    expect(decodeError(null, 404)).toEqual({ Code: 'UnknownError', Message: 'HTTP 404' });
    expect(decodeError({ RequestId: 'R' }, 403)).toEqual({ Code: 'UnknownError', Message: 'HTTP 403', RequestId: 'R' });
    expect(decodeError('fine', 200)).toBeUndefined();
  });
});

describe('decodeBody', () => {
  test('chooses XML by content type or a leading <, JSON otherwise', () => {
    expect(decodeBody('<R><Cens><Cen><CenId>c</CenId></Cen></Cens></R>', 'text/xml;charset=UTF-8', ['Cens.Cen'])).toEqual({ Cens: { Cen: [{ CenId: 'c' }] } });
    expect(decodeBody('  <R><A>1</A></R>', null)).toEqual({ A: '1' });
    expect(decodeBody('{"A":9188000000000002}', 'application/json')).toEqual({ A: '9188000000000002' });
  });
});
