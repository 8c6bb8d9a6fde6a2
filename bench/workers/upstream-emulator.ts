// The emulator package (@cen-kit/emulator) as a plain Node HTTP server, with
// its demo world plus enough published Custom routes on the Hangzhou VPC that
// DescribeCenRegionDomainRouteEntries(cn-hangzhou) lists exactly ROUTES
// entries. The paging bench points the Worker at it (ALIBABA_CLOUD_ENDPOINT_CBN)
// because the Worker's own emulator cannot be seeded with that many routes.
// Usage: node upstream-emulator.mjs <port> <routes>
import { createServer } from 'node:http';
import { createEmulator, MemoryStore, seedWorld, SEED, TEST_ACCOUNTS } from '../../packages/emulator/src/index.ts';
import { buildRequest, flattenParams, signRequest } from '../../packages/rpc/src/index.ts';

const port = Number(process.argv[2] ?? '8824');
const target = Number(process.argv[3] ?? '2000');

function worldWith(extra: number) {
  return (now: number) => {
    const w = seedWorld(now);
    const net = w.networks.find((n) => n.id === SEED.vpcHangzhou);
    if (!net) throw new Error(`the seed has no ${SEED.vpcHangzhou}`);
    for (let i = 0; i < extra; i++) {
      net.routes.push({
        DestinationCidrBlock: `10.${200 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32`,
        RouteType: 'Custom',
        NextHopType: 'Instance',
        NextHopId: `i-bp1bench${String(i).padStart(10, '0')}`,
        published: true,
      });
    }
    return w;
  };
}

async function countRoutes(app: ReturnType<typeof createEmulator>): Promise<number> {
  const [a] = TEST_ACCOUNTS;
  const signed = await signRequest({
    method: 'POST', Action: 'DescribeCenRegionDomainRouteEntries', Version: '2017-09-12',
    params: flattenParams({ CenId: SEED.cenId, CenRegionId: 'cn-hangzhou', PageSize: 10 }),
    credentials: { accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret },
  });
  const res = await app.fetch(buildRequest('http://emulator/', 'POST', signed));
  const body = (await res.json()) as { TotalCount?: number; Code?: string; Message?: string };
  if (typeof body.TotalCount !== 'number') throw new Error(`count failed: ${body.Code} ${body.Message}`);
  return body.TotalCount;
}

// The demo world already has a few routes in cn-hangzhou: count them, then top up to `target`.
const probe = createEmulator({ store: new MemoryStore(), seed: worldWith(0) });
const base = await countRoutes(probe);
const app = createEmulator({ store: new MemoryStore(), seed: worldWith(target - base) });
const total = await countRoutes(app);

// Simulated network round trip to Alibaba, set by the bench: POST /_bench/latency?ms=60
let latencyMs = 0;

createServer(async (req, res) => {
  try {
    if (req.url?.startsWith('/_bench/latency')) {
      latencyMs = Math.max(0, Number(new URL(req.url, 'http://x').searchParams.get('ms')) || 0);
      res.end(JSON.stringify({ latencyMs }));
      return;
    }
    if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers, ...(body && req.method !== 'GET' ? { body } : {}) });
    const answer = await app.fetch(request);
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  } catch (e) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Code: 'InternalError', Message: String((e as Error).message).slice(0, 200) }));
  }
}).listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ ready: true, port, routes: total, cenId: SEED.cenId, accessKeyId: TEST_ACCOUNTS[0].accessKeyId }));
});
