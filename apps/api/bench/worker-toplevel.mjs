// Child of the bench: the Worker bundle's own start-up, in V8 without workerd or Miniflare. Imports the
// bundle (its Data modules as ArrayBuffers, its WASM as a compiled WebAssembly.Module, as workerd gives
// them: bench/lib/worker-modules.mjs) and times the import (compile and top-level evaluation of the
// bundle's JS) with the process's CPU time in it, and its first /healthz. Prints
// `import MS cpu MS healthz MS`. A fresh process per run: nothing
// is cached between runs.
import { readdirSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

register(new URL('./lib/worker-modules.mjs', import.meta.url));
const bundle = pathToFileURL(process.argv[2]).href;
// The bundle's binary modules are loaded (and the WASM compiled) before the clock starts: workerd does
// that for every Worker carrying them, whatever its code (the ready bench's `binary` baseline).
const dir = dirname(process.argv[2]);
for (const f of readdirSync(dir).filter((f) => /\.(wasm|ttf|arrow)$/.test(f)))
  await import(pathToFileURL(join(dir, f)).href);
const t0 = performance.now();
const c0 = process.cpuUsage();
const worker = await import(bundle);
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
const res = await worker.default.fetch(new Request('http://127.0.0.1/healthz'), { MT0_CACHE_MB: '4' }, {});
await res.text();
const t2 = performance.now();
if (res.status !== 200) throw new Error(`/healthz ${res.status}`);
console.log(
  `import ${(t1 - t0).toFixed(1)} cpu ${((c1.user + c1.system) / 1000).toFixed(1)} healthz ${(t2 - t1).toFixed(1)}`,
);
