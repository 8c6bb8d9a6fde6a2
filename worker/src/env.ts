/**
 * What the Worker gets from its environment (wrangler.toml vars, secrets,
 * bindings) and what its middleware leaves on the context (`c.var`).
 */
import type { Profile } from './upstream/profiles.js';

/**
 * Bindings of the Worker. Hand-kept rather than taken from `wrangler types`
 * because secrets never appear in wrangler.toml, and the Durable Object
 * namespaces are typed by their classes here.
 */
export interface Bindings {
  /** Static assets from dist/site (absent in some tests). */
  ASSETS?: Fetcher;
  /** The built-in CEN emulator (one object, named `world`). */
  EMULATOR: DurableObjectNamespace;
  /** Idempotency-Key records (issue 4). */
  IDEMPOTENCY: DurableObjectNamespace;

  // Secrets: set with `wrangler secret put` or .dev.vars, never in wrangler.toml.
  ALIBABA_CLOUD_ACCESS_KEY_ID?: string;
  ALIBABA_CLOUD_ACCESS_KEY_SECRET?: string;
  ALIBABA_CLOUD_SECURITY_TOKEN?: string;

  // Vars.
  /** `JSON` (default) or `XML`: the Format asked of Alibaba. */
  UPSTREAM_FORMAT?: string;
  /** Full base URL that replaces https://cbn.aliyuncs.com. */
  ALIBABA_CLOUD_ENDPOINT_CBN?: string;
  /** Full base URL that replaces the VPC endpoints (central and regional). */
  ALIBABA_CLOUD_ENDPOINT_VPC?: string;
  /** Milliseconds one upstream attempt may take (default 10000). */
  UPSTREAM_ATTEMPT_TIMEOUT_MS?: string;
  /** Milliseconds all attempts of one call may take together (default 25000). */
  UPSTREAM_DEADLINE_MS?: string;
  /** Simulated provisioning time of the emulator in ms (Creating → Active). */
  EMULATOR_DELAY_MS?: string;
  /** `true` refuses write actions (issue 4 enforces it; `GET /api` reports it). */
  READ_ONLY?: string;
}

/**
 * Values middleware leaves on `c.var`. The security middleware (issue 4)
 * extends this interface with its own fields (caller, policy decision, …).
 */
export interface Variables {
  /** The Worker's own id for this request, also sent as `X-Request-Id`. */
  requestId: string;
  /** The Alibaba credential profile this call uses (from `X-Cen-Profile`). */
  profile: Profile;
  /**
   * A ClientToken to use for a write when the caller sent none (issue 4
   * derives it from `Idempotency-Key`). Unset: the Worker makes one per call.
   */
  clientToken?: string;
  /** The request body as text, when edge middleware (issue 4) has already read and size-checked it. */
  bodyText?: string;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
