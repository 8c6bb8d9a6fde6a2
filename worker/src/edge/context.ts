/**
 * What the security middleware adds to the Worker's bindings and to `c.var`
 * (declaration merging into env.ts, which invites it).
 */
import type { ActionSpec } from '@cen-kit/catalog';
import type { Caller } from '../auth/caller.js';
import type { Limiter } from './rate-limit.js';

declare module '../env.js' {
  interface Bindings {
    /** Secret: portal tokens as SHA-256 hashes, with origins, policy and profiles (see auth/config.ts). */
    PORTAL_TOKENS?: string;
    /** Cloudflare Access team: `acme`, `acme.cloudflareaccess.com` or its https URL. */
    ACCESS_TEAM_DOMAIN?: string;
    /** Cloudflare Access application audience (AUD) tag(s), comma-separated. */
    ACCESS_AUD?: string;
    /** Access identities (e-mails, domains, groups) → policies (see auth/config.ts). */
    ACCESS_POLICIES?: string;
    /** `read`: callers without credentials may call Describe actions. Unset: they may not. */
    ANONYMOUS?: string;
    /** Comma-separated origins whose pages may call /api (the Worker's own origin always may). */
    ALLOWED_ORIGINS?: string;
    /** Secret: several Alibaba credential profiles, keys or STS roles (see edge/credential-profiles.ts). */
    ALIBABA_CLOUD_PROFILES?: string;
    /** Replaces https://sts.aliyuncs.com for AssumeRole. */
    ALIBABA_CLOUD_ENDPOINT_STS?: string;
    /** Rate Limiting bindings (wrangler.toml `[[ratelimits]]`). */
    RATE_LIMIT_READ?: Limiter;
    RATE_LIMIT_WRITE?: Limiter;
  }
  interface Variables {
    /** Who is calling (set by authentication). */
    caller?: Caller;
    /** The catalogue action of `POST /api/{Action}`, when the name is known. */
    action?: ActionSpec;
    /** The request body as read (at most 16 KiB) by the body guard. */
    bodyText?: string;
    /** The call's parameters as the catalogue's schema output them (validated once, by the policy check). */
    params?: Record<string, unknown>;
    /** RAM resources of the call, once its parameters validated. */
    resources?: string[];
    /** The answer was replayed from an Idempotency-Key record. */
    replayed?: boolean;
  }
}

export {};
