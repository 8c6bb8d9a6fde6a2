/**
 * `POST /api/{Action}`: one catalogue action per call. The JSON body holds the
 * action's parameters; only what the action's strict schema accepts is ever
 * signed and sent, so a caller cannot set Action, Version, AccessKeyId,
 * Signature*, SecurityToken, Format or anything else of its own.
 */
import { readCapped } from '../read-capped.js';
import { isJson } from '../edge/body.js';
import { actionSpec, validateRequest, type ActionSpec } from '@cen-kit/catalog';
import { parseJsonLossless } from '@cen-kit/rpc';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env.js';
import { ApiError, invalidParameter, payloadTooLarge, unknownAction, unsupportedMediaType } from '../errors.js';
import { callUpstream, type CallDeps } from '../upstream/call.js';
import { transportFor } from '../upstream/transport.js';
import { apiIndex } from './api-index.js';
import { knownSecrets } from '../audit/audit.js';
import { logLine } from '../audit/redact.js';

/** Largest request body: the biggest parameter sets (tags, filters) are a few KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ApiDeps extends CallDeps {
  /** Sends a signed request to Alibaba (the emulator is reached through its Durable Object). */
  fetch: (request: Request) => Promise<Response>;
}

/** @example app.route('/api', apiRoutes({ fetch, random: Math.random, sleep })); */
export function apiRoutes(deps: ApiDeps) {
  const api = new Hono<AppEnv>();

  api.get('/', (c) => c.json(apiIndex(c)));

  api.post('/:action', async (c) => {
    const spec = actionSpec(c.req.param('action'));
    if (!spec) throw unknownAction(c.req.param('action'));
    const params = withClientToken(spec, c.get('params') ?? (await validatedParams(c, spec)), c.get('clientToken'));
    const profile = c.get('profile');
    const started = Date.now();
    const result = await callUpstream({
      spec,
      params,
      profile,
      env: c.env,
      transport: transportFor(c.env, deps.fetch),
      deps,
      signal: c.req.raw.signal,
    });
    // One line per call, with nothing secret in it (no parameters, no signature), through the redaction helper.
    logLine(
      {
        msg: 'api call',
        requestId: c.get('requestId'),
        action: spec.Action,
        profile: profile.name,
        status: result.status,
        code: result.code,
        upstreamRequestId: result.body.RequestId,
        attempts: result.attempts,
        ms: Date.now() - started,
      },
      knownSecrets(c.env),
    );
    // An answer the normaliser did not change goes out as the upstream wrote it (same JSON value).
    if (result.json !== undefined) return c.body(result.json, result.status as ContentfulStatusCode, { 'content-type': 'application/json' });
    return c.json(result.body, result.status as ContentfulStatusCode);
  });

  // Anything but POST on an action.
  api.all('/:action', (c) => {
    if (!actionSpec(c.req.param('action'))) throw unknownAction(c.req.param('action'));
    c.header('Allow', 'POST');
    throw new ApiError(405, 'MethodNotAllowed', `Call ${c.req.param('action')} with POST and a JSON body of its parameters.`);
  });

  return api;
}

/**
 * For writes that take a ClientToken and came without one: the token set by
 * middleware (issue 4, from Idempotency-Key) or a new one, kept for every
 * attempt so a retried write happens once.
 */
function withClientToken(spec: ActionSpec, params: Record<string, unknown>, preset: string | undefined): Record<string, unknown> {
  if (!spec.ClientToken || spec.access !== 'write' || params.ClientToken !== undefined) return params;
  return { ...params, ClientToken: preset ?? crypto.randomUUID() };
}

/** The body, validated by the catalogue (when the policy check has not done it already). */
async function validatedParams(c: Context<AppEnv>, spec: ActionSpec): Promise<Record<string, unknown>> {
  const checked = validateRequest(spec, await readJsonBody(c));
  if (!checked.ok) throw invalidParameter(checked.issues);
  return checked.data as Record<string, unknown>;
}

/** The body as a JSON object: empty means `{}`; otherwise application/json, at most MAX_BODY_BYTES. */
async function readJsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const declared = Number(c.req.header('content-length') ?? 'NaN');
  if (declared > MAX_BODY_BYTES) throw payloadTooLarge(MAX_BODY_BYTES);
  const type = c.req.header('content-type');
  const text = c.get('bodyText') ?? (await readCapped(c.req.raw.body, MAX_BODY_BYTES, () => payloadTooLarge(MAX_BODY_BYTES)));
  if (text.trim() === '' && (type === undefined || isJson(type))) return {};
  if (type === undefined || !isJson(type)) throw unsupportedMediaType(type);
  let value: unknown;
  try {
    value = parseJsonLossless(text);
  } catch (e) {
    throw invalidParameter([{ path: '', message: `the body is not valid JSON (${(e as Error).message.slice(0, 120)})` }]);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter([{ path: '', message: `the body must be a JSON object of the action's parameters, not ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}` }]);
  }
  return value as Record<string, unknown>;
}


