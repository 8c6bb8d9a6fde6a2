/**
 * Policies the Worker applies on its own: full access for the local emulator
 * caller, read-only for anonymous callers (when ANONYMOUS="read"), nothing
 * for anyone else.
 */
import type { Policy } from './policy.js';

/** Everything, everywhere: the emulator's local caller with no caller configuration. */
export const FULL_ACCESS: Policy = {
  Version: '1',
  Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'], conditional: false }],
};

/** `cen:Describe*` and `vpc:Describe*`: what an anonymous caller may do when ANONYMOUS="read". */
export const READ_ONLY: Policy = {
  Version: '1',
  Statement: [{ Effect: 'Allow', Action: ['cen:Describe*', 'vpc:Describe*'], Resource: ['*'], conditional: false }],
};

/** Nothing at all. */
export const NO_ACCESS: Policy = { Version: '1', Statement: [] };

/** Joins the statements of several policies, as RAM does for a user with several policies attached. */
export function mergePolicies(policies: readonly Policy[]): Policy {
  return { Version: '1', Statement: policies.flatMap((p) => p.Statement) };
}
