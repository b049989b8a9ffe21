// PNG of an image SVG, with resvg's WebAssembly build: the same code on Node and in a Worker (no headless
// browser, no native binary). It has no system fonts: the images are drawn with the two faces shipped
// beside it, DejaVu Sans and DejaVu Sans Bold (their licence travels in dist/raster/). The WASM starts and
// the font files are read once per process or isolate, on the first PNG; each render then only draws
// (resvg) and encodes (./png-encode.ts: native zlib, not resvg's own, slower encoder).
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { IMAGE_FONT } from '../lib/image/image.js';
import { encodePng } from './png-encode.js';

/** Where the rasteriser's bytes come from: files on Node, bundled modules in a Worker. */
export interface RasterAssets {
  /** resvg's index_bg.wasm: its bytes, or a compiled module (a Worker's wasm import). */
  wasm: () => Promise<ArrayBuffer | Uint8Array | WebAssembly.Module>;
  /** The TTFs the images are drawn with: DejaVu Sans and DejaVu Sans Bold (headline and figures). */
  fonts: () => Promise<Uint8Array[]>;
}

async function readPackageFile(path: string): Promise<Uint8Array> {
  const [{ readFile }, { createRequire }] = await Promise.all([
    import('node:fs/promises'),
    import('node:module'),
  ]);
  return readFile(createRequire(import.meta.url).resolve(path));
}

/** Node: read from the installed packages (the same files build/raster.js copies for a Worker). */
export const nodeAssets: RasterAssets = {
  wasm: () => readPackageFile('@resvg/resvg-wasm/index_bg.wasm'),
  fonts: () =>
    Promise.all([
      readPackageFile('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
      readPackageFile('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    ]),
};

/** resvg's WASM instance: one per process or isolate (its `initWasm` may run only once). */
let wasm: Promise<void> | undefined;
/** The fonts of each assets object, read once. */
const fonts = new WeakMap<RasterAssets, Promise<Uint8Array[]>>();

/** The WASM started and the fonts read, each once; a failure is not kept (the next PNG tries again). */
async function ready(assets: RasterAssets): Promise<Uint8Array[]> {
  wasm ??= assets
    .wasm()
    .then((w) => initWasm(w))
    .catch((e) => {
      wasm = undefined;
      throw e;
    });
  await wasm;
  let f = fonts.get(assets);
  if (!f) {
    f = assets.fonts().catch((e) => {
      fonts.delete(assets);
      throw e;
    });
    fonts.set(assets, f);
  }
  return f;
}

/** An SVG drawn to RGBA pixels at `scale` × its size. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * `svg` drawn at `scale` × its size with the assets' fonts.
 * @example (await rasterise('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"/>', nodeAssets)).width // 20
 */
export async function rasterise(svg: string, assets: RasterAssets, scale = 2): Promise<Pixels> {
  const fontBuffers = await ready(assets);
  const r = new Resvg(svg, {
    font: { fontBuffers, defaultFontFamily: IMAGE_FONT, loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: scale },
  });
  // Freed at once: the WASM heap would otherwise hold each tree and bitmap until a GC finalises them.
  try {
    const img = r.render();
    try {
      return { width: img.width, height: img.height, rgba: img.pixels };
    } finally {
      img.free();
    }
  } finally {
    r.free();
  }
}

/**
 * The PNG of `svg` at `scale` × its size (2: sharp on phones and as a 1200 px social card).
 * @example (await toPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', nodeAssets)).subarray(1, 4) // 'PNG'
 */
export async function toPng(svg: string, assets: RasterAssets, scale = 2): Promise<Uint8Array> {
  const { width, height, rgba } = await rasterise(svg, assets, scale);
  return encodePng(width, height, rgba);
}
