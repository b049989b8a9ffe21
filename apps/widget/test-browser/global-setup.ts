// Vitest global setup for the browser tests: Chromium present, and the builds the tests load.
import { existsSync } from 'node:fs';
import { ensureChromium } from './chromium.js';
import { API_ENTRY, DIST } from './servers.js';

export default function setup() {
  ensureChromium();
  for (const f of [
    `${DIST}/public/widget/mt0.js`,
    `${DIST}/public/widget/resize.js`,
    `${DIST}/assets.json`,
    `${DIST}/server/index.js`,
    API_ENTRY,
  ]) {
    if (!existsSync(f))
      throw new Error(`${f} is missing: run \`pnpm build\` (turbo builds @mt0/api too) first.`);
  }
}
