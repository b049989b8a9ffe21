// PNG of an image SVG, with resvg's WebAssembly build: the same code on Node and in a Worker (no headless
// browser, no native binary). It has no system fonts: the images are drawn with the one font shipped
// beside it (DejaVu Sans, its licence in fonts/). The WASM and the font are loaded once, on the first PNG.
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { IMAGE_FONT } from '../lib/image/image.js';

/** Where the rasteriser's bytes come from: files on Node, bundled modules in a Worker. */
export interface RasterAssets {
  /** resvg's index_bg.wasm: its bytes, or a compiled module (a Worker's wasm import). */
  wasm: () => Promise<ArrayBuffer | Uint8Array | WebAssembly.Module>;
  /** The TTF the images are drawn with. */
  font: () => Promise<Uint8Array>;
}

/** Node: both read from the installed packages, next to this module's own node_modules. */
export const nodeAssets: RasterAssets = {
  wasm: async () => {
    const [{ readFile }, { createRequire }] = await Promise.all([
      import('node:fs/promises'),
      import('node:module'),
    ]);
    return readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
  },
  font: async () => {
    const [{ readFile }, { createRequire }] = await Promise.all([
      import('node:fs/promises'),
      import('node:module'),
    ]);
    return readFile(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  },
};

let ready: Promise<Uint8Array> | undefined;

/**
 * The PNG of `svg` at `scale` × its size (2: sharp on phones and as a 1200 px social card).
 * @example (await toPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', nodeAssets)).subarray(1, 4) // 'PNG'
 */
export async function toPng(svg: string, assets: RasterAssets, scale = 2): Promise<Uint8Array> {
  ready ??= (async () => {
    await initWasm(await assets.wasm());
    return assets.font();
  })();
  let font: Uint8Array;
  try {
    font = await ready;
  } catch (e) {
    ready = undefined;
    throw e;
  }
  const r = new Resvg(svg, {
    font: { fontBuffers: [font], defaultFontFamily: IMAGE_FONT, loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: scale },
  });
  return r.render().asPng();
}
