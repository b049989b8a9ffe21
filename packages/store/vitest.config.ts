import { defineConfig } from 'vitest/config';

// Tests sit beside the code; the data tests read the built dist/ (turbo builds before testing).
process.env.TZ = 'UTC';

export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
