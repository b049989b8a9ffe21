// Runs inside workerd: the Worker entry (src/worker.ts, via wrangler.jsonc) answers the same core
// assertions as the Node app.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { coreCases } from '../test-support/core-assertions.js';

const fetchWorker = (path: string, init?: RequestInit) => SELF.fetch(`https://api.example${path}`, init);

describe('the Worker in workerd', () => {
  it('runs in the Workers runtime', () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers');
  });
  for (const c of coreCases) it(c.name, () => c.run(fetchWorker));
});
