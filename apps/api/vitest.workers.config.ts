// The same core assertions as the Node tests, run inside workerd through the Worker entry.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' }, miniflare: { cf: false } })],
  test: { include: ['test-workers/**/*.test.ts'], testTimeout: 60_000 },
});
