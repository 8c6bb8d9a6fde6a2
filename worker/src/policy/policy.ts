/**
 * Caller policies shaped like Alibaba RAM policies, and their evaluation:
 * an explicit Deny wins, otherwise an Allow is needed for every resource the
 * call touches (no Allow → refused).
 *
 *   { "Version": "1", "Statement": [
 *     { "Effect": "Allow", "Action": ["cen:Describe*", "vpc:DescribeVpcs"] },
 *     { "Effect": "Allow", "Action": "cen:ModifyCenAttribute", "Resource": "acs:cen:*:*:ceninstance/cen-abc" },
 *     { "Effect": "Deny",  "Action": "cen:Delete*" } ] }
 *
 * Conditions are not evaluated. To stay on the safe side a statement with a
 * Condition never grants (Allow) and always applies (Deny).
 */
import { wildcardMatch } from './match.js';

export interface Statement {
  Effect: 'Allow' | 'Deny';
  /** Patterns such as `cen:Describe*`, `vpc:DescribeVpcs`, `*` (case-insensitive, as in RAM). */
  Action: string[];
  /** ARN patterns with `*` wildcards; `["*"]` when the statement names none. */
  Resource: string[];
  /** The statement had a Condition (see the module comment). */
  conditional: boolean;
}

export interface Policy {
  Version: string;
  Statement: Statement[];
}

/** Why a configured policy is unusable: where (`PORTAL_TOKENS[1].policy.Statement[0].Effect`) and what. */
export class PolicyConfigError extends Error {
  constructor(readonly where: string, what: string) {
    super(`${where}: ${what}`);
    this.name = 'PolicyConfigError';
  }
}

const MAX_STATEMENTS = 100;
const MAX_PATTERNS = 200;
const MAX_PATTERN_LENGTH = 512;

/**
 * Checks and normalises a policy document from configuration.
 *
 * @example
 * ```ts
 * parsePolicy({ Statement: [{ Effect: 'Allow', Action: 'cen:Describe*' }] }, 'ACCESS_POLICIES[0].policy');
 * // { Version: '1', Statement: [{ Effect: 'Allow', Action: ['cen:Describe*'], Resource: ['*'], conditional: false }] }
 * ```
 */
export function parsePolicy(value: unknown, where: string): Policy {
  if (!isObject(value)) throw new PolicyConfigError(where, 'must be an object with a Statement list');
  const version = value.Version ?? '1';
  if (version !== '1' && version !== 1) throw new PolicyConfigError(`${where}.Version`, 'must be "1"');
  const statements = value.Statement;
  if (!Array.isArray(statements)) throw new PolicyConfigError(`${where}.Statement`, 'must be a list');
  if (statements.length > MAX_STATEMENTS) throw new PolicyConfigError(`${where}.Statement`, `has more than ${MAX_STATEMENTS} entries`);
  return { Version: '1', Statement: statements.map((s, i) => parseStatement(s, `${where}.Statement[${i}]`)) };
}

function parseStatement(value: unknown, where: string): Statement {
  if (!isObject(value)) throw new PolicyConfigError(where, 'must be an object');
  for (const key of Object.keys(value)) {
    if (!['Effect', 'Action', 'Resource', 'Condition', 'Sid'].includes(key)) {
      // NotAction/NotResource would invert the meaning; refusing them beats guessing.
      throw new PolicyConfigError(`${where}.${key}`, 'is not supported (use Effect, Action, Resource, Condition)');
    }
  }
  if (value.Effect !== 'Allow' && value.Effect !== 'Deny') throw new PolicyConfigError(`${where}.Effect`, 'must be "Allow" or "Deny"');
  const Action = patterns(value.Action, `${where}.Action`, false);
  const Resource = value.Resource === undefined ? ['*'] : patterns(value.Resource, `${where}.Resource`, true);
  return { Effect: value.Effect, Action, Resource, conditional: value.Condition !== undefined };
}

function patterns(value: unknown, where: string, resource: boolean): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) throw new PolicyConfigError(where, 'must be a pattern or a non-empty list of patterns');
  if (list.length > MAX_PATTERNS) throw new PolicyConfigError(where, `has more than ${MAX_PATTERNS} patterns`);
  return list.map((p, i) => {
    if (typeof p !== 'string' || p === '' || p.length > MAX_PATTERN_LENGTH) {
      throw new PolicyConfigError(`${where}[${i}]`, `must be a non-empty string of at most ${MAX_PATTERN_LENGTH} characters`);
    }
    if (!resource && p !== '*' && !/^[a-z*?]+:[A-Za-z0-9*?]+$/i.test(p)) {
      throw new PolicyConfigError(`${where}[${i}]`, `${JSON.stringify(p.slice(0, 80))} is not an action pattern like "cen:Describe*" or "*"`);
    }
    return p;
  });
}

/** The RAM action name of an API action: `cen:<Action>` for Cbn, `vpc:<Action>` for Vpc. */
export function ramAction(spec: { product: 'Cbn' | 'Vpc'; Action: string }): string {
  return `${spec.product === 'Cbn' ? 'cen' : 'vpc'}:${spec.Action}`;
}

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'explicit-deny' | 'no-allow'; resource: string };

const actionMatches = (s: Statement, action: string) => s.Action.some((p) => wildcardMatch(p, action, true));
const resourceMatches = (s: Statement, resource: string) => s.Resource.some((p) => wildcardMatch(p, resource));

/**
 * Whether `action` may be called on every one of `resources` (none: the
 * action as a whole, resource `*`).
 *
 * @example
 * ```ts
 * evaluate(policy, 'cen:ModifyCenAttribute', ['acs:cen:*:*:ceninstance/cen-abc']); // { allowed: true }
 * ```
 */
export function evaluate(policy: Policy, action: string, resources: readonly string[]): Decision {
  const list = resources.length ? resources : ['*'];
  for (const resource of list) {
    const applies = policy.Statement.filter((s) => actionMatches(s, action) && resourceMatches(s, resource));
    if (applies.some((s) => s.Effect === 'Deny')) return { allowed: false, reason: 'explicit-deny', resource };
    if (!applies.some((s) => s.Effect === 'Allow' && !s.conditional)) return { allowed: false, reason: 'no-allow', resource };
  }
  return { allowed: true };
}

/**
 * Whether `action` is allowed on at least some resource: an Allow names it
 * and no Deny covers it on every resource (`Resource: "*"`). This is what
 * `GET /api` reports, so a page can hide what the caller can never do.
 *
 * @example
 * ```ts
 * allowedSomewhere(scopedToOneCen, 'cen:ModifyCenAttribute'); // true
 * ```
 */
export function allowedSomewhere(policy: Policy, action: string): boolean {
  const applies = policy.Statement.filter((s) => actionMatches(s, action));
  if (applies.some((s) => s.Effect === 'Deny' && s.Resource.includes('*'))) return false;
  return applies.some((s) => s.Effect === 'Allow' && !s.conditional);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
