// Which source file wrote each byte of a bundle, from its source map (v3), and
// what each group of sources costs in gzip: the bundle's gzip size minus the
// gzip size of the bundle without that group's bytes (the marginal cost; the
// parts do not add up exactly, because gzip shares matches across them).
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one VLQ-encoded segment into its numbers. */
function decodeSegment(seg) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const d = DIGIT.get(ch);
    if (d === undefined) throw new Error(`source map: bad VLQ character ${JSON.stringify(ch)}`);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * The source index that wrote each character of `code` (-1 where none did).
 *
 * @example owners('a;b', map) // Int32Array [0, -1, 1]
 */
export function owners(code, map) {
  const own = new Int32Array(code.length).fill(-1);
  const lines = map.mappings.split(';');
  let source = 0;
  const starts = [];
  for (let line = 0, at = 0; line < lines.length; line++) {
    starts.push(at);
    const next = code.indexOf('\n', at);
    at = next === -1 ? code.length : next + 1;
  }
  const marks = []; // [position, source]
  for (let line = 0; line < lines.length; line++) {
    let col = 0;
    for (const seg of lines[line].split(',')) {
      if (!seg) continue;
      const f = decodeSegment(seg);
      col += f[0];
      if (f.length >= 4) {
        source += f[1];
        marks.push([starts[line] + col, source]);
      } else marks.push([starts[line] + col, -1]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < marks.length; i++) {
    const end = i + 1 < marks.length ? marks[i + 1][0] : code.length;
    own.fill(marks[i][1], marks[i][0], end);
  }
  return own;
}

const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;

/**
 * Marginal gzip bytes of each group of sources; `groupOf(sourcePath)` names the group.
 *
 * @example marginalGzip(code, map, (p) => p.includes('node_modules/lit') ? 'Lit' : 'ours')
 */
export function marginalGzip(code, map, groupOf) {
  const own = owners(code, map);
  const groupBySource = map.sources.map((s) => groupOf(s));
  const total = gz(code);
  const groups = [...new Set(groupBySource)];
  return {
    total,
    groups: groups
      .map((g) => {
        let kept = '';
        for (let i = 0; i < code.length; i++) if (own[i] === -1 || groupBySource[own[i]] !== g) kept += code[i];
        return { group: g, gzip: total - gz(kept), raw: code.length - kept.length };
      })
      .sort((a, b) => b.gzip - a.gzip),
  };
}
