/**
 * Who calls the Worker, as the security middleware decides it, and what it
 * may do: a policy, the Alibaba credential profiles it may use, and its
 * default profile.
 */
import type { Policy } from '../policy/policy.js';

export type CallerKind = 'token' | 'access' | 'anonymous' | 'emulator';

export interface Caller {
  kind: CallerKind;
  /** Token name, Access e-mail (or service token name), `anonymous` or `emulator`. */
  name: string;
  policy: Policy;
  /** Profile names the caller may use; undefined means every profile of the deployment. */
  profiles?: string[];
  /** The profile used when a call names none. */
  defaultProfile?: string;
  /** Rate-limit and idempotency identity: stable for one caller, different between callers. */
  key: string;
  /**
   * Added to every refusal: why this caller can do so little (a deployment
   * with real credentials and no caller configuration).
   */
  refusalHint?: string;
}

/** Message for deployments that hold real Alibaba credentials but configure no callers. */
export const NO_CALLERS_HINT =
  'No callers are configured on this deployment, which holds real Alibaba Cloud credentials, so it serves no writes' +
  ' (and reads only when ANONYMOUS="read"). Configure callers with the secret PORTAL_TOKENS' +
  ' ([{"name","sha256","origins","policy"}], SHA-256 hex of each bearer token) or Cloudflare Access' +
  ' (vars ACCESS_TEAM_DOMAIN and ACCESS_AUD, and ACCESS_POLICIES mapping e-mails or groups to policies).';

/** `token "portal-a"`, `Access identity "ana@example.com"`, … for messages. */
export function describeCaller(caller: Pick<Caller, 'kind' | 'name'>): string {
  switch (caller.kind) {
    case 'token':
      return `the portal token ${JSON.stringify(caller.name)}`;
    case 'access':
      return `the Access identity ${JSON.stringify(caller.name)}`;
    case 'anonymous':
      return 'an anonymous caller';
    case 'emulator':
      return 'the local emulator caller';
  }
}
