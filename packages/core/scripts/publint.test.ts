// @mt0/core must be publishable as it is declared: every export points at a file the build writes, and
// publint (the packaging linter) finds nothing, not even a suggestion. Runs after the build (turbo).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { PACKAGE_ROOT } from './paths.js';

describe('@mt0/core as a package', { timeout: 60_000 }, () => {
  it('passes publint at the strictest level', async () => {
    const { messages } = await publint({ pkgDir: PACKAGE_ROOT, level: 'suggestion', pack: 'pnpm' });
    expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([]);
  });

  it('exports only files that exist after the build', () => {
    const targets = Object.values(pkg.exports).flatMap((t) =>
      typeof t === 'string' ? [t] : Object.values(t),
    );
    const missing = targets.filter((t) => !t.includes('*')).filter((t) => !existsSync(join(PACKAGE_ROOT, t)));
    expect(missing).toEqual([]);
  });
});
