// The PNG rasteriser's files imported as modules in the Worker (wrangler.jsonc `rules`): resvg's WASM as
// a compiled module (wrangler's default rule for .wasm), each font as a binary Data module.
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module '*.ttf' {
  const bytes: ArrayBuffer;
  export default bytes;
}
