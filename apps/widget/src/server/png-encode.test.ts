// The PNG encoder: chunk layout, CRCs, colour type by opacity, and the pixels back out of IDAT.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './png-encode.js';

/** The chunks of a PNG after its 8-byte signature: type, data, and whether the stored CRC matches. */
function chunks(png: Uint8Array) {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const len = v.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    out.push({ type, data, crcOk: v.getUint32(at + 8 + len) === crc32(png.subarray(at + 4, at + 8 + len)) });
    at += 12 + len;
  }
  return out;
}

describe('encodePng', () => {
  it('computes the CRC-32 PNG uses (the IEND chunk of every PNG ends in AE 42 60 82)', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('writes RGBA rows, each led by filter byte 0, in IHDR, IDAT and IEND chunks with valid CRCs', async () => {
    // 2 × 2: red, half-transparent green / blue, white.
    const rgba = Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 255, 255, 255, 255, 255);
    const png = await encodePng(2, 2, rgba);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const c = chunks(png);
    expect(c.map((x) => x.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(c.every((x) => x.crcOk)).toBe(true);
    // width 2, height 2, 8 bits, colour type 6 (RGBA), compression 0, filter 0, interlace 0.
    expect([...(c[0]?.data ?? [])]).toEqual([0, 0, 0, 2, 0, 0, 0, 2, 8, 6, 0, 0, 0]);
    expect([...inflateSync(c[1]?.data ?? new Uint8Array())]).toEqual([
      0,
      255,
      0,
      0,
      255,
      0,
      255,
      0,
      128, // row 1: filter 0, red, green at half alpha
      0,
      0,
      0,
      255,
      255,
      255,
      255,
      255,
      255, // row 2: filter 0, blue, white
    ]);
  });

  it('compresses through CompressionStream where there is no node:zlib (as in workerd): the same rows', async () => {
    const rgba = new Uint8Array(64 * 8 * 4).map((_, i) => (i * 7) % 256);
    const viaStream = async (b: Uint8Array) =>
      new Uint8Array(
        await new Response(
          new Blob([b as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate')),
        ).arrayBuffer(),
      );
    const [a, b] = [await encodePng(64, 8, rgba), await encodePng(64, 8, rgba, viaStream)];
    const rows = (png: Uint8Array) => inflateSync(chunks(png)[1]?.data ?? new Uint8Array());
    expect(rows(b)).toEqual(rows(a));
    expect(rows(a).length).toBe(8 * (1 + 64 * 4));
  });

  it('refuses pixels that do not match the size', async () => {
    await expect(encodePng(2, 2, new Uint8Array(12))).rejects.toThrow('expected 16 bytes of RGBA, got 12');
  });
});
