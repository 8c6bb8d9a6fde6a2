/**
 * `/emulator/`: the built-in emulator over plain HTTP, so official SDKs and
 * CLIs can use `http://127.0.0.1:8787/emulator` as their endpoint (for both
 * products; the Version parameter tells them apart). Only when no real
 * credentials are configured: a deployment on Alibaba has no emulator.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { backendOf } from '../upstream/profiles.js';
import { callEmulator, emulatorStub } from '../upstream/transport.js';

/** @example app.route('/emulator', emulatorRoutes()); */
export function emulatorRoutes() {
  const r = new Hono<AppEnv>();
  r.all('*', async (c) => {
    if (backendOf(c.env) !== 'emulator') {
      throw new ApiError(404, 'NotFound', 'This deployment uses Alibaba Cloud; the emulator is off.');
    }
    const res = await callEmulator(emulatorStub(c.env), c.req.raw);
    // A copy, so later middleware may add headers.
    return new Response(res.body, res);
  });
  return r;
}
