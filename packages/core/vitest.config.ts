import { defineConfig } from 'vitest/config';

// Tests sit beside the code; fixed TZ and locale keep formatting snapshots deterministic.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Loading the whole data package takes about a second alone and far more on a shared, loaded
    // machine: speed is the benchmarks' business (pnpm bench), not the test runner's clock.
    testTimeout: 60_000,
  },
});
