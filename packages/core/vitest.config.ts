import { defineConfig } from 'vitest/config';

// Tests sit beside the code; fixed TZ and locale keep formatting snapshots deterministic.
process.env.TZ = 'UTC';

export default defineConfig({
  test: { include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' },
});
