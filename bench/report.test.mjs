// node --test bench/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStored, writeReport } from './report.mjs';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 1, node: 'v20', platform: 'linux x64' };
const parts = [
  { name: 'a', title: 'A part' },
  { name: 'b', title: 'B part' },
];

test('the report keeps its results, even text that would end an HTML comment', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-report-')), 'B.md');
  const results = { a: { date: 'd1', machine, durationMs: 10, load: [0.1, 0.2], headline: 'h --> x', markdown: 'text -- with --> dashes', figures: { n: -1 }, failures: [] } };
  writeReport(file, { parts, results, run: { date: 'd1', command: 'node scripts/bench.mjs a', durationMs: 10, machine } });
  const text = readFileSync(file, 'utf8');
  assert.match(text, /text -- with --> dashes/);
  assert.match(text, /not measured: this part has not been run yet/);
  assert.deepEqual(readStored(file), results);
});

test('failures are listed at the top', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-report-')), 'B.md');
  const results = { b: { date: 'd', machine, durationMs: 1, markdown: 'm', figures: {}, failures: ['weight: over budget'] } };
  writeReport(file, { parts, results, run: { date: 'd', command: 'x', durationMs: 1, machine } });
  assert.match(readFileSync(file, 'utf8'), /\*\*Failures:\*\*\n\n- weight: over budget/);
});
