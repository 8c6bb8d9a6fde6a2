/**
 * The audit trail: one structured JSON line per write call (`"audit":true`),
 * refused ones included, written through the redaction helper. It says who
 * (caller kind and name), with which profile, what (action and resources),
 * how it ended (status and Code), Alibaba's RequestId and how long it took.
 * It never holds parameters, tokens, keys or signatures.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Bindings } from '../env.js';
import { logLine } from './redact.js';

export interface AuditRecord {
  audit: true;
  time: string;
  requestId: string;
  caller: { kind: string; name: string };
  profile?: string;
  action: string;
  resources?: string[];
  status: number;
  code?: string;
  upstreamRequestId?: string;
  replayed?: boolean;
  ms: number;
}

/** @example app.use('/api/*', auditWrites()); // after the action is known */
export function auditWrites(now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const spec = c.get('action');
    if (!spec || spec.access !== 'write') return next();
    const started = now();
    await next();
    const caller = c.get('caller');
    const profile = c.get('profile');
    const resources = c.get('resources');
    const record: AuditRecord = {
      audit: true,
      time: new Date(started).toISOString(),
      requestId: c.get('requestId'),
      caller: caller ? { kind: caller.kind, name: caller.name } : { kind: 'unauthenticated', name: '' },
      action: spec.Action,
      status: c.res.status,
      ms: now() - started,
    };
    if (caller && profile) record.profile = profile.name;
    if (resources) record.resources = resources;
    if (c.get('replayed')) record.replayed = true;
    const answer = await readAnswer(c.res);
    if (c.res.status >= 400 && typeof answer?.Code === 'string') record.code = answer.Code;
    // Our own errors carry our request id; Alibaba's answers carry Alibaba's.
    if (typeof answer?.RequestId === 'string' && answer.RequestId !== c.get('requestId')) record.upstreamRequestId = answer.RequestId;
    logLine(record as unknown as Record<string, unknown>, knownSecrets(c.env));
  };
}

async function readAnswer(res: Response): Promise<Record<string, unknown> | undefined> {
  if (!/json/i.test(res.headers.get('content-type') ?? '')) return undefined;
  try {
    const v: unknown = JSON.parse(await res.clone().text());
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The last answer of knownSecrets, for the same three values (they change only with a new deployment or in tests). */
let lastSecrets: { key: [string | undefined, string | undefined, string | undefined]; secrets: readonly string[] } | undefined;

/** Secret values of the deployment, cut out of log lines should they ever slip into one. */
export function knownSecrets(env: Pick<Bindings, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET' | 'ALIBABA_CLOUD_SECURITY_TOKEN' | 'ALIBABA_CLOUD_PROFILES'>): readonly string[] {
  const key: [string | undefined, string | undefined, string | undefined] = [env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, env.ALIBABA_CLOUD_SECURITY_TOKEN, env.ALIBABA_CLOUD_PROFILES];
  if (lastSecrets && lastSecrets.key.every((v, i) => v === key[i])) return lastSecrets.secrets;
  const out: string[] = [];
  if (env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) out.push(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
  if (env.ALIBABA_CLOUD_SECURITY_TOKEN) out.push(env.ALIBABA_CLOUD_SECURITY_TOKEN);
  if (env.ALIBABA_CLOUD_PROFILES) {
    // Every "accessKeySecret"/"securityToken" value of the profiles secret, without trusting its shape.
    for (const m of env.ALIBABA_CLOUD_PROFILES.matchAll(/"(?:accessKeySecret|securityToken)"\s*:\s*"([^"]+)"/g)) out.push(m[1]!);
  }
  // Frozen: every caller shares this one list.
  lastSecrets = { key, secrets: Object.freeze(out) };
  return lastSecrets.secrets;
}
