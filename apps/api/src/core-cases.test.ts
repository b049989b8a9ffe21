import { describe, it } from 'vitest';
import { coreCases } from '../test-support/core-assertions.js';
import { app } from './app.js';

describe('core behaviours on Node (app.request)', () => {
  for (const c of coreCases) it(c.name, () => c.run(async (path, init) => app.request(path, init)));
});
