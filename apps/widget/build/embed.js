// Build 2 of 4, run by `pnpm build`: each embed page's script as ONE file (its view, the Svelte runtime
// and the page client; no shared chunk), so that a page loads a single script: vite.embed.config.ts once
// per entry of build/embed-entries.js.
import { build } from 'vite';
import { EMBED_ENTRIES } from './embed-entries.js';

for (const name of Object.keys(EMBED_ENTRIES)) {
  process.env.MT0_EMBED_ENTRY = name;
  await build({ configFile: 'vite.embed.config.ts', logLevel: 'warn' });
}
