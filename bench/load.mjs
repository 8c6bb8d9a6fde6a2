// Part 6 (optional): the load figures another script (`npm run load`) leaves in
// test-results/load.json, copied into the report as they are.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/bundle.mjs';

const FILE = 'test-results/load.json';

/** `{a:{b:1}}` → `{'a.b':1}` (one level deep is what load.json has). */
function flatten(record) {
  const out = {};
  for (const [k, v] of Object.entries(record)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = v2;
    else out[k] = v;
  }
  return out;
}

/** One markdown table row per record; deeper values as compact JSON. */
function toTable(records) {
  records = records.map(flatten);
  const cols = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const cell = (v) => (v === undefined ? '' : typeof v === 'object' ? `\`${JSON.stringify(v)}\`` : String(v)).replace(/\|/g, '\\|');
  return `| ${cols.join(' | ')} |\n| ${cols.map(() => '---').join(' | ')} |\n` + records.map((r) => `| ${cols.map((c) => cell(r[c])).join(' | ')} |`).join('\n') + '\n';
}

export async function run() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const file = join(root, FILE);
  if (!existsSync(file)) {
    const why = pkg.scripts?.load ? `${FILE} does not exist (run \`npm run load\` first)` : `there is no \`npm run load\` script and no ${FILE}`;
    return { markdown: `not measured: ${why}. This part is optional.`, headline: `not measured (optional): ${why}`, figures: {} };
  }
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const when = statSync(file).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
  const records = Array.isArray(data) ? data : Array.isArray(data.runs) ? data.runs : Array.isArray(data.results) ? data.results : null;
  let md = `Copied from \`${FILE}\` (written ${when} by \`npm run load\`, ${pkg.scripts?.load ? `\`${pkg.scripts.load}\`` : 'a script that is gone'}; not measured by this bench, and not alternated with anything here).\n\n`;
  if (!Array.isArray(data)) {
    const scalars = Object.entries(data).filter(([, v]) => v === null || typeof v !== 'object');
    if (scalars.length) md += scalars.map(([k, v]) => `${k}: \`${v}\``).join(', ') + '.\n\n';
  }
  md += records && records.every((r) => r && typeof r === 'object') ? toTable(records) : '```json\n' + JSON.stringify(data, null, 2).slice(0, 4000) + '\n```\n';
  return { markdown: md, headline: `copied from ${FILE} (${when})`, figures: { load: data } };
}
