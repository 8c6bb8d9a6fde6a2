// Node-side unit tests: catalogue, wire protocol, client and the emulator's
// in-memory service. Worker tests run inside workerd (worker/vitest.config.ts);
// element tests in Chromium (packages/elements/web-test-runner.config.mjs).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/{catalog,rpc,client,emulator}/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
