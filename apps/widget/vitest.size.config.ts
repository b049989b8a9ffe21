import { defineConfig } from 'vitest/config';

// The size budgets of issue 4 (bench/sizes.test.ts), on the built files. Run last by `pnpm test`, after
// the functional suites, so that a budget overrun never hides a functional failure.
export default defineConfig({ test: { include: ['bench/**/*.test.ts'], environment: 'node' } });
