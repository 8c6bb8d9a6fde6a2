// Part 3: weight of what a page downloads. Builds the elements (their own
// build script), then gzip -9 sizes of the one-file bundle and of each
// element's entry. Fails the bench when the bundle exceeds 35 KB gzip or
// contains zod. The budget counts the bundle and everything it imports
// statically (what every page downloads before an element runs); files it
// imports on demand (`import("./…")`, the zh-CN texts) are reported beside it,
// with what a page that uses them downloads in all.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt } from './lib/stats.mjs';
import { marginalGzip } from './lib/sourcemap.mjs';
import { root } from './lib/bundle.mjs';

export const BUDGET = 35 * 1024;
const BUILD = 'packages/elements/build.mjs';
const BUNDLE = 'dist/site/elements.js';
const ENTRIES = 'dist/site/elements';
// zod 4 keeps these in any minified build: the `_zod` property of every
// schema and the `$ZodType` class name string.
const ZOD_MARKERS = [/\$ZodType\b/, /[.\[]_zod\b/, /\$ZodError\b/];

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

// Where the bundle's bytes come from, by part (paths as the source map names them).
const LIB_OF = {
  'bandwidth-plan': 'cen-bandwidth-planner', 'plan-runner': 'cen-bandwidth-planner', 'plan-steps': 'cen-bandwidth-planner',
  'route-view': 'cen-route-table', 'cidr-sort': 'cen-route-table', csv: 'cen-route-table', 'virtual-rows': 'cen-route-table',
  'health-check-form': 'cen-vbr-health-check',
};
/** The part of the product a source file belongs to. */
export function partOf(source) {
  const p = source.replaceAll('\\', '/');
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(p)) return 'Lit';
  if (p.includes('packages/client/')) return '@cen-kit/client';
  if (p.includes('packages/catalog/')) return 'catalogue (rules, regions)';
  const el = /packages\/elements\/src\/components\/(cen-[a-z-]+)\//.exec(p);
  if (el) return `\`<${el[1]}>\` (class, styles, English messages)`;
  const lib = /packages\/elements\/src\/lib\/([a-z-]+)\.ts$/.exec(p);
  if (lib) return LIB_OF[lib[1]] ? `\`<${LIB_OF[lib[1]]}>\` logic (src/lib)` : 'shared logic (src/lib)';
  if (p.includes('packages/elements/src/')) return 'base class, shared views and styles, i18n';
  return 'other';
}

/** Relative static imports of an ES module (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
function staticImports(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)) out.add(m[1]);
  return [...out];
}

/** Relative dynamic imports (`import("./x.js")`): fetched only when the code asks for them. */
function dynamicImports(code) {
  return [...new Set([...code.matchAll(/\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]))];
}

/** An entry plus every file it imports statically, transitively (shared chunks). */
function closure(file) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !existsSync(f)) return;
    seen.add(f);
    for (const spec of staticImports(readFileSync(f, 'utf8'))) visit(resolve(dirname(f), spec));
  };
  visit(file);
  return [...seen];
}

/** What `files` import on demand, and the static closure of each (a missing target is reported, not skipped). */
function onDemand(files) {
  const out = new Map();
  for (const f of files) {
    for (const spec of dynamicImports(readFileSync(f, 'utf8'))) {
      const target = resolve(dirname(f), spec);
      if (!out.has(target) && !files.includes(target)) out.set(target, existsSync(target) ? closure(target).filter((x) => !files.includes(x)) : null);
    }
  }
  return out;
}

/** `site` and `build` are overridable for the bench's own check of the budget logic. */
export async function run({ site = join(root, 'dist/site'), build = true } = {}) {
  const failures = [];
  let md = '';
  let built = 'not rebuilt (no build script)';
  if (build && existsSync(join(root, BUILD))) {
    const t0 = Date.now();
    const r = spawnSync('node', [BUILD], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const wrote = existsSync(join(site, 'elements.js')) && statSync(join(site, 'elements.js')).mtimeMs >= t0 - 1000;
    if (r.status !== 0 && wrote) {
      // The build has its own budget check and exits 1 after writing an
      // oversized bundle: measure what it wrote, so that the budget fails here too.
      built = `built by \`node ${BUILD}\`, which exited ${r.status ?? r.signal} after writing the bundle`;
    } else if (r.status !== 0) {
      const why = `${BUILD} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ')}`;
      return { markdown: `not measured: ${why}`, headline: 'not measured: elements build failed', figures: {}, failures };
    } else built = `rebuilt by \`node ${BUILD}\` in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
  }
  const bundlePath = join(site, 'elements.js');
  if (!existsSync(bundlePath)) {
    const why = `${BUNDLE} does not exist (${existsSync(join(root, BUILD)) ? 'the build did not write it' : `${BUILD} does not exist yet`})`;
    return { markdown: `not measured: ${why}`, headline: `not measured: ${why}`, figures: {}, failures };
  }

  const bundle = readFileSync(bundlePath);
  const bundleGz = gz(bundle);
  const text = bundle.toString('utf8');
  const zodHits = ZOD_MARKERS.filter((re) => re.test(text)).map(String);
  const bundleFiles = closure(bundlePath);
  const closureGz = bundleFiles.length > 1 ? bundleFiles.reduce((s, f) => s + gz(readFileSync(f)), 0) : bundleGz;
  const over = closureGz > BUDGET;
  if (over) failures.push(`weight: ${BUNDLE} is ${fmt(closureGz)} bytes gzip, over the budget of ${fmt(BUDGET)} (35 KB)`);
  if (zodHits.length) failures.push(`weight: zod is in ${BUNDLE} (markers ${zodHits.join(', ')})`);
  const lazy = [...onDemand(bundleFiles)].map(([target, files]) => ({
    file: join('dist/site', relative(site, target)),
    gzip: files ? files.reduce((n, f) => n + gz(readFileSync(f)), 0) : null,
    raw: files ? files.reduce((n, f) => n + statSync(f).size, 0) : null,
  }));
  // An on-demand import that points nowhere would fail in the browser: the build must write it.
  for (const l of lazy) if (l.gzip === null) failures.push(`weight: ${BUNDLE} imports ${l.file} on demand, but it was not built`);

  md += `**Method.** Elements ${built}. Sizes are bytes of the files in \`dist/site\`, gzip with Node's zlib at level 9 ` +
    `(same as \`gzip -9 -c | wc -c\` within a few header bytes). Budget for the one-file bundle: **${fmt(BUDGET)} bytes** (35 KB) gzip; ` +
    `the bench fails when it is exceeded. zod check: the bundle is searched for markers zod 4 keeps in any minified build ` +
    `(\`$ZodType\`, \`._zod\`, \`$ZodError\`).\n\n`;
  md += `| file | raw bytes | gzip -9 bytes | budget |\n| --- | ---: | ---: | --- |\n`;
  md += `| \`${BUNDLE}\` (all elements, Lit, client, English)${bundleFiles.length > 1 ? ` + ${bundleFiles.length - 1} imported chunk(s)` : ''} | ${fmt(bundleFiles.reduce((s, f) => s + statSync(f).size, 0))} | **${fmt(closureGz)}** | ${over ? '**OVER**' : 'within'} ${fmt(BUDGET)} (${fmt((closureGz / BUDGET) * 100, 1)}%) |\n`;
  for (const l of lazy) {
    md += l.gzip === null
      ? `| \`${l.file}\` (imported on demand by \`${BUNDLE}\`) | – | **missing** | – |\n`
      : `| \`${l.file}\` (imported on demand by \`${BUNDLE}\`; with it a page downloads ${fmt(closureGz + l.gzip)} gzip) | ${fmt(l.raw)} | ${fmt(l.gzip)} | not counted |\n`;
  }

  const entriesDir = join(site, 'elements');
  const entries = [];
  if (existsSync(entriesDir)) {
    // Element entries are cen-*.js; shared chunks (chunk-<hash>.js) count with the entries that import them.
    for (const name of readdirSync(entriesDir).filter((f) => f.endsWith('.js') && f.startsWith('cen-')).sort()) {
      const f = join(entriesDir, name);
      const own = readFileSync(f);
      const files = closure(f);
      const withChunks = files.reduce((s, x) => s + gz(readFileSync(x)), 0);
      entries.push({ name, raw: own.length, gzip: gz(own), withImportsGzip: withChunks, imports: files.length - 1 });
    }
  }
  if (entries.length) {
    md += entries.map((e) => `| \`${ENTRIES}/${e.name}\`${e.imports ? ` (own file; with its ${e.imports} import(s): ${fmt(e.withImportsGzip)} gzip)` : ''} | ${fmt(e.raw)} | ${fmt(e.gzip)} | – |`).join('\n') + '\n';
  } else {
    md += `\nPer-element entries: not measured: \`${ENTRIES}/*.js\` does not exist.\n`;
  }
  // Which elements the one-file bundle registers (it should hold all of them).
  const names = entries.map((e) => e.name.replace(/\.js$/, ''));
  const missing = names.filter((n) => !new RegExp(`define\\(["'\`]${n}["'\`][,)]`).test(text));
  if (names.length) {
    md += `\nElements registered by \`${BUNDLE}\`: ${names.filter((n) => !missing.includes(n)).map((n) => `\`${n}\``).join(', ') || 'none'}` +
      (missing.length ? `; **not in it: ${missing.map((n) => `\`${n}\``).join(', ')}** (they have entries of their own), so its size does not yet cover every element.\n` : ' (all of them).\n');
  }
  // zod must not reach the browser in any file (entries and chunks too).
  const zodElsewhere = existsSync(entriesDir)
    ? readdirSync(entriesDir).filter((f) => f.endsWith('.js') && ZOD_MARKERS.some((re) => re.test(readFileSync(join(entriesDir, f), 'utf8'))))
    : [];
  if (zodElsewhere.length) failures.push(`weight: zod is in ${zodElsewhere.map((f) => `${ENTRIES}/${f}`).join(', ')}`);
  md += `\nzod in the bundle: **${zodHits.length ? `YES (${zodHits.join(', ')})` : 'no'}**. ` +
    `In the per-element files: **${zodElsewhere.length ? `YES (${zodElsewhere.join(', ')})` : 'no'}**. Anchors (perf-anchors.md §2, not this run): lit alone 6,078 B gzip; zod \`* as z\` 26,269 B; \`@vaadin/grid\` 58,625 B.\n`;
  // Which part costs what (marginal gzip: the bundle without that part's bytes), from the build's source map.
  const mapFile = join(root, 'dist/analysis/elements.js.map');
  let parts = null;
  if (existsSync(mapFile) && statSync(mapFile).mtimeMs >= statSync(bundlePath).mtimeMs - 5000) {
    parts = marginalGzip(text, JSON.parse(readFileSync(mapFile, 'utf8')), partOf);
    md += `\n**Where the bytes go** (from the build's source map, \`dist/analysis/elements.js.map\`): each part's marginal cost, the gzip size of \`${BUNDLE}\` minus that of the bundle with the part's bytes left out. Parts share gzip matches, so the column sums to less than the whole.\n\n`;
    md += `| part | minified bytes | marginal gzip bytes |\n| --- | ---: | ---: |\n`;
    md += parts.groups.map((g) => `| ${g.group} | ${fmt(g.raw)} | ${fmt(g.gzip)} |`).join('\n') + '\n';
  }
  const other = bundleFiles.filter((f) => f !== bundlePath).map((f) => relative(root, f));
  if (other.length) md += `\nChunks imported by the bundle: ${other.map((f) => `\`${f}\``).join(', ')}.\n`;
  if (lazy.length) {
    md += `\nOn demand: the Simplified Chinese texts are a module of their own that an element imports the first time it shows Chinese ` +
      `(its first render waits for them, so there is no English flash). English pages never download it, so the budget counts the bundle without it; ` +
      `a Chinese page downloads both (the sum in the table).\n`;
  }

  return {
    markdown: md,
    failures,
    headline: `elements.js ${fmt(closureGz)} B gzip of ${fmt(BUDGET)} budget (${over ? 'OVER' : 'ok'})${lazy.map((l) => `; + ${l.file.split('/').pop()} on demand ${l.gzip === null ? 'MISSING' : `${fmt(l.gzip)} B`}`).join('')}; zod ${zodHits.length ? 'PRESENT' : 'absent'}; ${entries.length} element entries${missing.length ? `, ${missing.length} not in elements.js` : ''}`,
    figures: { bundle: { raw: bundle.length, gzip: closureGz, budget: BUDGET, zod: zodHits, missingElements: missing }, onDemand: lazy, entries, parts: parts?.groups ?? null },
  };
}
