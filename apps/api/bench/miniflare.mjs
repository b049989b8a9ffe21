// Child of the bench: the Worker bundle (wrangler deploy --dry-run) under workerd through Miniflare, the
// way `wrangler dev --local` runs it but without the dev proxy in front (which serialises requests and is
// not what production serves through): the static-assets binding, the vars of wrangler.jsonc, and the
// V8 inspector for the isolate's heap. Prints `listening PORT inspector PORT`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Miniflare } from 'miniflare';

const [bundle, assets, port, inspectorPort] = process.argv.slice(2);
const config = JSON.parse(
  readFileSync(new URL('../wrangler.jsonc', import.meta.url), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
);
const mf = new Miniflare({
  name: 'mt0-api',
  // The bundle given as is, worker.js and the modules wrangler wrote beside it (the store and fonts as
  // Data, resvg as compiled WASM): its dynamic imports of node: built-ins (Svelte's server renderer
  // probes async_hooks; the kit reads files only on Node) are never reached in workerd.
  modules: [
    { type: 'ESModule', path: 'worker.js', contents: readFileSync(bundle) },
    ...readdirSync(dirname(bundle))
      .filter((f) => /\.(wasm|ttf|arrow)$/.test(f))
      .map((f) => ({
        type: f.endsWith('.wasm') ? 'CompiledWasm' : 'Data',
        path: f,
        contents: readFileSync(join(dirname(bundle), f)),
      })),
  ],
  compatibilityDate: config.compatibility_date,
  bindings: config.vars,
  assets: {
    directory: assets,
    binding: 'ASSETS',
    routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
  },
  host: '127.0.0.1',
  port: Number(port),
  inspectorPort: Number(inspectorPort),
  cf: false,
});
const url = await mf.ready;
console.log(`listening ${url.port} inspector ${inspectorPort}`);
process.on('SIGTERM', async () => {
  await mf.dispose();
  process.exit(0);
});
