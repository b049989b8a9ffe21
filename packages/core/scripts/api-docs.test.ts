// API.md is generated from the TSDoc of core's public exports; CI fails when it is stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from './api-docs.js';
import { PACKAGE_ROOT } from './paths.js';

describe('API.md', () => {
  it('is what the TSDoc of the public exports generates (else run pnpm --filter @mt0/core docs)', {
    timeout: 180_000,
  }, () => {
    const committed = readFileSync(join(PACKAGE_ROOT, 'API.md'), 'utf8');
    const fresh = renderApiDocs();
    expect(committed === fresh, 'API.md is stale: run pnpm --filter @mt0/core docs and commit API.md').toBe(
      true,
    );
    // Every entry point of the package is documented, down to the releases module.
    for (const sub of ['schemas', 'metrics', 'format', 'qualifiers', 'story', 'releases'])
      expect(fresh).toContain(`## \`@mt0/core/${sub}\``);
    expect(fresh).toContain('### rebuildRelease');
  });
});
