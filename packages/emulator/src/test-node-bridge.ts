/**
 * A tiny Node HTTP front for the app, for tests that drive it with official
 * Node SDKs. It listens on a Unix socket (no TCP port needed) and converts
 * each request to a fetch Request for `app.fetch`. A response body that
 * errors (a dropped connection) destroys the socket, as a real drop would.
 */
import { createServer, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type FetchApp = { fetch: (req: Request) => Response | Promise<Response> };

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const method = req.method ?? 'GET';
  return new Request(`http://${req.headers.host ?? 'emulator.local'}${req.url ?? '/'}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((v, k) => res.setHeader(k, v));
  try {
    const body = Buffer.from(await response.arrayBuffer());
    res.end(body);
  } catch {
    res.socket?.destroy();
  }
}

export interface Bridge {
  /** Pass as `agent` so a Node HTTP client reaches the socket whatever host the URL names. */
  agent: Agent;
  close(): Promise<void>;
}

export async function serveOnSocket(app: FetchApp): Promise<Bridge> {
  const path = join(mkdtempSync(join(tmpdir(), 'cen-kit-emulator-')), 'http.sock');
  const server = createServer((req, res) => {
    toRequest(req)
      .then((r) => app.fetch(r))
      .then((response) => send(res, response))
      .catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  const agent = new Agent({ keepAlive: false });
  // Every connection of this agent goes to the socket.
  (agent as unknown as { createConnection: () => ReturnType<typeof connect> }).createConnection = () => connect(path);
  return {
    agent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
