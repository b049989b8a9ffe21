// The rasteriser: the shipped faces are the ones drawn (bold text in DejaVu Sans Bold), and a PNG is the
// drawn pixels, losslessly.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeAssets, type RasterAssets, rasterise, toPng } from './png.js';

const word = (weight: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/><text x="4" y="30" font-family="DejaVu Sans" font-size="24" font-weight="${weight}">+62 %</text></svg>`;

/** Dark pixels (red channel below 128) of a drawing: how much ink the text took. */
const ink = async (svg: string, assets: RasterAssets) => {
  const { rgba } = await rasterise(svg, assets, 1);
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) if ((rgba[i] as number) < 128) n++;
  return n;
};

describe('the rasteriser', () => {
  it('draws bold text with DejaVu Sans Bold: more ink than regular, which only the bold face gives', async () => {
    const regularOnly: RasterAssets = {
      wasm: nodeAssets.wasm,
      fonts: async () => [(await nodeAssets.fonts())[0] as Uint8Array],
    };
    const [regular, bold, boldWithoutFace] = [
      await ink(word(400), nodeAssets),
      await ink(word(700), nodeAssets),
      await ink(word(700), regularOnly),
    ];
    expect(regular).toBeGreaterThan(100); // the text is drawn at all
    expect(bold).toBeGreaterThan(regular * 1.2);
    // Without the bold face resvg falls back to the regular one: the same drawing.
    expect(boldWithoutFace).toBe(regular);
  }, 60_000);

  it('encodes exactly the drawn pixels (RGBA rows, each after its filter byte)', async () => {
    const svg = word(700);
    const { width, height, rgba } = await rasterise(svg, nodeAssets, 2);
    const png = await toPng(svg, nodeAssets, 2);
    const v = new DataView(png.buffer, png.byteOffset);
    expect([v.getUint32(16), v.getUint32(20)]).toEqual([width, height]);
    expect([width, height]).toEqual([400, 80]);
    // One IDAT: its length at byte 33 (8 signature + 25 IHDR chunk).
    const idat = png.subarray(41, 41 + v.getUint32(33));
    const rows = new Uint8Array(inflateSync(idat));
    const stride = 1 + width * 4;
    expect(rows.length).toBe(height * stride);
    for (let y = 0; y < height; y++) {
      expect(rows[y * stride]).toBe(0);
      expect(rows.subarray(y * stride + 1, (y + 1) * stride)).toEqual(
        rgba.subarray(y * width * 4, (y + 1) * width * 4),
      );
    }
  }, 60_000);
});
