import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core driving Debian's Chromium against the real API server (see
// test-browser/servers.ts). Run in Node; each file launches its own persistent context. Never skipped.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['test-browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test-browser/global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
    fileParallelism: false,
  },
});
