// Child of the bench: the Worker bundle (wrangler deploy --dry-run) under workerd through Miniflare, the
// way `wrangler dev --local` runs it but without the dev proxy in front (which serialises requests and is
// not what production serves through): the static-assets binding, the vars of wrangler.jsonc, and the
// V8 inspector for the isolate's heap. Prints `listening PORT inspector PORT start MS cpu MS`: the time
// from Miniflare's construction to workerd's readiness, and the CPU this Node process spent in it
// (Miniflare serialising the config, module bytes included, into workerd's Cap'n Proto config).
// A fifth argument picks a baseline for the ready bench: `empty` (a Worker that does nothing),
// `binary` (the same, carrying the bundle's WASM and Data modules unimported), `carrying` (the same,
// also carrying the bundle's JS as a module nothing imports: workerd compiles it at start, never runs it).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Miniflare } from 'miniflare';

const [bundle, assets, port, inspectorPort, variant = 'ours'] = process.argv.slice(2);
const config = JSON.parse(
  readFileSync(new URL('../wrangler.jsonc', import.meta.url), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
);
// The bundle given as is, worker.js and the modules wrangler wrote beside it (the store and fonts as
// Data, resvg as compiled WASM): its dynamic imports of node: built-ins (Svelte's server renderer
// probes async_hooks; the kit reads files only on Node) are never reached in workerd.
const binary = readdirSync(dirname(bundle))
  .filter((f) => /\.(wasm|ttf|arrow)$/.test(f))
  .map((f) => ({
    type: f.endsWith('.wasm') ? 'CompiledWasm' : 'Data',
    path: f,
    contents: readFileSync(join(dirname(bundle), f)),
  }));
const nothing = {
  type: 'ESModule',
  path: 'worker.js',
  contents: "export default { fetch: () => new Response('ok') };\n",
};
const js = readFileSync(bundle);
const modules = {
  ours: [{ type: 'ESModule', path: 'worker.js', contents: js }, ...binary],
  carrying: [nothing, { type: 'ESModule', path: 'kit.js', contents: js }, ...binary],
  binary: [nothing, ...binary],
  empty: [nothing],
}[variant];
if (!modules) throw new Error(`unknown variant ${variant}`);
const t0 = performance.now();
const c0 = process.cpuUsage();
const mf = new Miniflare({
  name: 'mt0-api',
  modules,
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
const cpu = process.cpuUsage(c0);
console.log(
  `listening ${url.port} inspector ${inspectorPort} start ${(performance.now() - t0).toFixed(1)} cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)}`,
);
process.on('SIGTERM', async () => {
  await mf.dispose();
  process.exit(0);
});
