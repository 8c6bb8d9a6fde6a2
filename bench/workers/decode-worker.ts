// Bench Worker: the Worker's upstream-answer path for the largest realistic
// page (DescribeCenRegionDomainRouteEntries, 500 entries), timed in batches
// inside the workerd isolate. `full` runs the Worker's own `interpret`
// (worker/src/upstream/call.ts: decode → decodeError → the catalogue's
// compiled response normaliser) and then makes the text the Worker answers
// with (the upstream's own JSON when nothing changed, else JSON.stringify).
// The stages are also timed alone; `zod` times the schema's own safeParse.
// GET /?format=json|xml&stage=full|decode|schema|zod|answer|jsonparse&minMs=25&batches=10
import { catalog, listPaths, parseResponse } from '../../packages/catalog/src/index.ts';
import { decodeBody, encodeXml } from '../../packages/rpc/src/index.ts';
import { interpret } from '../../worker/src/upstream/call.ts';
import { routePage } from '../fixtures/route-entries.mjs';

const spec = catalog.DescribeCenRegionDomainRouteEntries;
const paths = listPaths(spec.response);
const page = routePage(500);
const bodies = {
  json: { text: JSON.stringify(page), type: 'application/json;charset=utf-8' },
  xml: { text: encodeXml('DescribeCenRegionDomainRouteEntriesResponse', page), type: 'text/xml;charset=utf-8' },
};

const prepared: Partial<Record<'json' | 'xml', { predecoded: unknown; answer: unknown }>> = {};
function prepare(format: 'json' | 'xml') {
  const b = bodies[format];
  const predecoded = decodeBody(b.text, b.type, paths);
  const parsed = parseResponse(spec.response, predecoded);
  if (!parsed.success) throw new Error('schema refused the page');
  return { predecoded, answer: parsed.data };
}

function full(format: 'json' | 'xml'): number {
  const b = bodies[format];
  const r = interpret(spec, 200, b.type, b.text, paths, {});
  if (r.status !== 200) throw new Error(`answered ${r.status} ${r.code}`);
  return (r.json ?? JSON.stringify(r.body)).length;
}

export default {
  async fetch(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const format = url.searchParams.get('format') === 'xml' ? 'xml' : 'json';
    const stage = url.searchParams.get('stage') ?? 'full';
    const minMs = Number(url.searchParams.get('minMs') ?? '25');
    const batches = Number(url.searchParams.get('batches') ?? '10');
    if (stage === 'check') {
      // Both formats must give the same parsed answer, or the timing compares different work;
      // and the compiled normaliser the same answer as zod's safeParse.
      const out: Record<string, unknown> = {};
      let sameAsZod = true;
      for (const f of ['json', 'xml'] as const) {
        const b = bodies[f];
        const parsed = parseResponse(spec.response, decodeBody(b.text, b.type, paths));
        const byZod = spec.response.safeParse(decodeBody(b.text, b.type, paths));
        out[f] = parsed.success ? parsed.data : { error: parsed.error.issues.slice(0, 3) };
        sameAsZod &&= byZod.success && JSON.stringify(byZod.data) === JSON.stringify(out[f]);
      }
      const same = JSON.stringify(out.json) === JSON.stringify(out.xml) && sameAsZod;
      const n = (out.json as { CenRouteEntries?: { CenRouteEntry?: unknown[] } }).CenRouteEntries?.CenRouteEntry?.length;
      return Response.json({ same, entries: n, jsonBytes: bodies.json.text.length, xmlBytes: bodies.xml.text.length, listPaths: paths.length });
    }
    const b = bodies[format];
    // Made once per isolate, so that a timed request does only the work it times.
    const { predecoded, answer } = (prepared[format] ??= prepare(format));
    const work =
      stage === 'decode' ? () => decodeBody(b.text, b.type, paths)
      : stage === 'schema' ? () => parseResponse(spec.response, predecoded)
      : stage === 'zod' ? () => spec.response.safeParse(predecoded)
      : stage === 'answer' ? () => JSON.stringify(answer)
      : stage === 'jsonparse' ? () => JSON.parse(b.text)
      : () => full(format);
    const perIter: number[] = [];
    const counts: number[] = [];
    for (let k = 0; k < batches; k++) {
      // Timers are coarse (1 ms) in workerd: repeat until a batch lasts at
      // least minMs, then divide, so the step is a few % of a sample at most.
      const t0 = performance.now();
      let n = 0;
      let t = t0;
      do {
        work();
        n++;
        t = performance.now();
      } while (t - t0 < minMs && n < 100_000);
      perIter.push((t - t0) / n);
      counts.push(n);
    }
    return Response.json({ perIter, counts });
  },
};
