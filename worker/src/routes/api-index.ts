/**
 * `GET /api`: the catalogue as JSON, so a page (or a person) can discover the
 * actions, their parameters (JSON Schema), and what this deployment offers.
 */
import { apiIndexActions, type ApiIndex } from '@cen-kit/catalog';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { callerView } from '../edge/security.js';
import { isReadOnly } from '../policy/authorize.js';
import { backendOf } from '../upstream/profiles.js';

/**
 * Builds the index for the current caller: `allowed` says whether its policy,
 * the read-only switch and its profiles let it call each action.
 */
export function apiIndex(c: Context<AppEnv>): ApiIndex {
  // Caller, usable profiles and per-action permission come from the security middleware (issue 4).
  const view = callerView(c);
  return {
    backend: backendOf(c.env),
    readOnly: isReadOnly(c.env),
    caller: view.caller,
    actions: apiIndexActions().map((a) => ({ ...a, allowed: view.allowed(a) })),
  };
}
