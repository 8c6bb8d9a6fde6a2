/**
 * Authorisation of `POST /api/{Action}`: the read-only switch, then the
 * caller's policy for the action as a whole, then — once the parameters are
 * valid — for each RAM resource the call touches. Invalid parameters are left
 * to the route, which answers 400 without calling anything.
 */
import { validateRequest, type ActionSpec } from '@cen-kit/catalog';
import { parseJsonLossless } from '@cen-kit/rpc';
import type { MiddlewareHandler } from 'hono';
import { describeCaller, type Caller } from '../auth/caller.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { allowedSomewhere, evaluate, ramAction } from './policy.js';

export const isReadOnly = (env: { READ_ONLY?: string }) => env.READ_ONLY?.trim().toLowerCase() === 'true';

/**
 * Whether `caller` may call `spec` at all (on some resource), as `GET /api` reports it.
 *
 * @example
 * ```ts
 * mayCall(caller, catalog.DeleteCen, env); // false for a read-only caller
 * ```
 */
export function mayCall(caller: Caller, spec: Pick<ActionSpec, 'product' | 'Action' | 'access'>, env: { READ_ONLY?: string }): boolean {
  if (spec.access === 'write' && isReadOnly(env)) return false;
  return allowedSomewhere(caller.policy, ramAction(spec));
}

function forbidden(caller: Caller, action: string, detail: string): ApiError {
  const hint = caller.refusalHint ? ` ${caller.refusalHint}` : '';
  return new ApiError(403, 'Forbidden', `${capitalize(describeCaller(caller))} may not call ${action}${detail}.${hint}`);
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** @example app.use('/api/*', authorize()); // after authentication, before the route */
export function authorize(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const spec = c.get('action');
    const caller = c.get('caller');
    if (!spec) return next();
    if (!caller) throw new Error('authorize() runs after authenticate()');
    if (spec.access === 'write' && isReadOnly(c.env)) {
      throw new ApiError(403, 'Forbidden', `This deployment is read-only (READ_ONLY="true"): ${spec.Action} changes resources and is refused.`);
    }
    const action = ramAction(spec);
    if (!allowedSomewhere(caller.policy, action)) throw forbidden(caller, action, '');

    const params = parseParams(c.get('bodyText') ?? '');
    if (params) {
      const checked = validateRequest(spec, params);
      if (checked.ok) {
        c.set('params', checked.data as Record<string, unknown>);
        const resources = spec.resources(checked.data as never);
        c.set('resources', resources);
        const decision = evaluate(caller.policy, action, resources);
        if (!decision.allowed) {
          throw forbidden(caller, action, ` on ${decision.resource}${decision.reason === 'explicit-deny' ? ' (its policy denies it)' : ' (no statement of its policy allows it)'}`);
        }
      }
    }
    await next();
  };
}

function parseParams(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const v: unknown = parseJsonLossless(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
