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
    const spec = c.var.action;
    if (!spec || spec.access !== 'write') return next();
    const started = now();
    await next();
    const record: AuditRecord = {
      audit: true,
      time: new Date(started).toISOString(),
      requestId: c.var.requestId,
      caller: c.var.caller ? { kind: c.var.caller.kind, name: c.var.caller.name } : { kind: 'unauthenticated', name: '' },
      action: spec.Action,
      status: c.res.status,
      ms: now() - started,
    };
    if (c.var.caller && c.var.profile) record.profile = c.var.profile.name;
    if (c.var.resources) record.resources = c.var.resources;
    if (c.var.replayed) record.replayed = true;
    const answer = await readAnswer(c.res);
    if (c.res.status >= 400 && typeof answer?.Code === 'string') record.code = answer.Code;
    // Our own errors carry our request id; Alibaba's answers carry Alibaba's.
    if (typeof answer?.RequestId === 'string' && answer.RequestId !== c.var.requestId) record.upstreamRequestId = answer.RequestId;
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

/** Secret values of the deployment, cut out of log lines should they ever slip into one. */
export function knownSecrets(env: Pick<Bindings, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET' | 'ALIBABA_CLOUD_SECURITY_TOKEN' | 'ALIBABA_CLOUD_PROFILES'>): string[] {
  const out: string[] = [];
  if (env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) out.push(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
  if (env.ALIBABA_CLOUD_SECURITY_TOKEN) out.push(env.ALIBABA_CLOUD_SECURITY_TOKEN);
  if (env.ALIBABA_CLOUD_PROFILES) {
    // Every "accessKeySecret"/"securityToken" value of the profiles secret, without trusting its shape.
    for (const m of env.ALIBABA_CLOUD_PROFILES.matchAll(/"(?:accessKeySecret|securityToken)"\s*:\s*"([^"]+)"/g)) out.push(m[1]!);
  }
  return out;
}
