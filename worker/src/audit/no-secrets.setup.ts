/**
 * Suite-wide guard (a vitest setup file for every Worker test file): records
 * every console line and every Worker answer a test reads (responses with
 * our X-Request-Id), and fails the file if any of them holds a test secret.
 * A test that replaces console methods with its own spy sees those lines
 * instead, and checks them itself.
 */
import { afterAll, beforeAll } from 'vitest';
import { testSecrets } from './test-secrets.js';

const seen: string[] = [];
const levels = ['log', 'info', 'warn', 'error', 'debug'] as const;
const originals = new Map<string, (...a: unknown[]) => void>();
const proto = Response.prototype as unknown as Record<'text' | 'json', (this: Response) => Promise<unknown>>;
const originalText = proto.text;
const originalJson = proto.json;

const isOurs = (r: Response) => r.headers.has('x-request-id');

beforeAll(() => {
  for (const level of levels) {
    const original = console[level].bind(console);
    originals.set(level, original);
    console[level] = (...args: unknown[]) => {
      seen.push(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
      original(...args);
    };
  }
  proto.text = async function (this: Response) {
    const t = (await originalText.call(this)) as string;
    if (isOurs(this)) seen.push(t);
    return t;
  };
  proto.json = async function (this: Response) {
    if (!isOurs(this)) return originalJson.call(this);
    const t = (await originalText.call(this)) as string;
    seen.push(t);
    return JSON.parse(t) as unknown;
  };
});

afterAll(() => {
  for (const level of levels) console[level] = originals.get(level)! as never;
  proto.text = originalText;
  proto.json = originalJson;
  const all = seen.join('\n');
  seen.length = 0;
  const leaked = testSecrets().filter((s) => all.includes(s));
  if (leaked.length) {
    // Say which (by length and first characters only: the log itself must not leak).
    throw new Error(`A test secret appeared in an answer or a log line: ${leaked.map((s) => `${s.slice(0, 3)}… (${s.length} chars)`).join(', ')}`);
  }
});

function safeJson(v: unknown): string {
  try {
    return v instanceof Error ? `${v.name}: ${v.message}` : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}
