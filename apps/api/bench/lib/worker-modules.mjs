// Module hooks (node:module register) for bench/worker-toplevel.mjs: the Worker bundle's Data modules
// (.arrow, .ttf) load as ArrayBuffers and its WASM as a compiled WebAssembly.Module, as workerd gives them.
export async function resolve(specifier, context, next) {
  if (/\.(arrow|ttf|wasm)$/.test(specifier))
    return { url: new URL(specifier, context.parentURL).href, shortCircuit: true };
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!/\.(arrow|ttf|wasm)$/.test(url)) return next(url, context);
  const read = `import { readFileSync } from 'node:fs'; const b = readFileSync(new URL(${JSON.stringify(url)}));`;
  const value = url.endsWith('.wasm')
    ? 'new WebAssembly.Module(b)'
    : 'b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)';
  return { format: 'module', shortCircuit: true, source: `${read}\nexport default ${value};` };
}
