/**
 * Which Alibaba credential profile a call uses: the one it names in
 * X-Cen-Profile, or the caller's default. A profile the caller may not use is
 * refused (403, naming it); a role profile gets its STS credentials here.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { describeCaller, type Caller } from '../auth/caller.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { pickProfile, profilesOf, PROFILE_HEADER, type Profile } from '../upstream/profiles.js';
import { resolveCredentials, type StsDeps } from './sts.js';

/** Profiles of the deployment this caller may use, in the deployment's order. */
export function usableProfiles(caller: Caller, all: readonly Profile[]): Profile[] {
  return caller.profiles ? all.filter((p) => caller.profiles!.includes(p.name)) : [...all];
}

/** The caller's default among `usable`: its configured default if usable, else the first. */
export function defaultProfileOf(caller: Caller, usable: readonly Profile[]): Profile | undefined {
  return usable.find((p) => p.name === caller.defaultProfile) ?? usable[0];
}

function choose(c: Context<AppEnv>, caller: Caller): Profile | undefined {
  const all = profilesOf(c.env);
  const usable = usableProfiles(caller, all);
  const requested = c.req.header(PROFILE_HEADER);
  const names = usable.map((p) => p.name).join(', ') || 'none';
  if (requested !== undefined && requested !== '') {
    const profile = pickProfile(c.env, requested);
    if (!usable.some((p) => p.name === profile.name)) {
      throw new ApiError(403, 'Forbidden', `${capitalize(describeCaller(caller))} may not use the credential profile ${JSON.stringify(profile.name)} (it may use: ${names}).`);
    }
    return profile;
  }
  return defaultProfileOf(caller, usable);
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Sets `c.var.profile`. @example app.use('/api/*', chooseProfile({ fetch, now: Date.now })); */
export function chooseProfile(deps: StsDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if (!caller) throw new Error('chooseProfile() runs after authenticate()');
    const profile = choose(c, caller);
    if (profile) {
      c.set('profile', c.get('action') ? await resolveCredentials(profile, { ...deps, ...(c.env.ALIBABA_CLOUD_ENDPOINT_STS ? { endpoint: c.env.ALIBABA_CLOUD_ENDPOINT_STS } : {}) }) : profile);
    } else if (c.get('action')) {
      // GET /api still answers (everything marked not allowed); a call cannot go anywhere.
      throw new ApiError(403, 'Forbidden', `${capitalize(describeCaller(caller))} may use none of this deployment's credential profiles.${caller.refusalHint ? ` ${caller.refusalHint}` : ''}`);
    }
    await next();
  };
}
