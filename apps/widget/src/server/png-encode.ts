// A PNG encoder for the rasteriser's RGBA pixels. resvg's own `asPng()` spent most of a render on
// compressing (measured 120–270 ms for a 1200 px card); this writes the rows unfiltered (flat chart
// colours compress well without a row filter) at zlib level 3 through the platform's native zlib:
// measured about 3–6× faster than `asPng()` and still smaller files (bench/images.js prints the times).
// Node's zlib binding where there is one, else CompressionStream (workerd; its level is zlib's default).

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * CRC-32 (ISO 3309, as PNG chunks use it) of `bytes`.
 * @example crc32(new TextEncoder().encode('IEND')) // 0xae426082
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++)
    c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Node's zlib `deflateSync` at level 3, or `undefined` where there is no node:zlib (workerd). */
let nodeDeflate: Promise<((bytes: Uint8Array) => Uint8Array) | undefined> | undefined;

/** zlib (RFC 1950) of `bytes` with the platform's native deflate. */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  // Node's CompressionStream is a web stream over the same binding, measured about 3× slower than a
  // direct call on a 1200 px card, and has no level; a Worker without nodejs_compat has only the stream.
  nodeDeflate ??= (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node
    ? import('node:zlib')
        .then((z) => (b: Uint8Array) => z.deflateSync(b, { level: 3 }))
        .catch(() => undefined)
    : Promise.resolve(undefined);
  const direct = await nodeDeflate;
  if (direct) return direct(bytes);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** One chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * A PNG of `width` × `height` RGBA pixels (8 bits a channel, not premultiplied: resvg's `pixels`).
 * @example (await encodePng(1, 1, Uint8Array.of(255, 0, 0, 255)))[25] // 6: colour type RGBA (IHDR data starts at byte 16)
 */
export async function encodePng(
  width: number,
  height: number,
  rgba: Uint8Array,
  compress: (bytes: Uint8Array) => Promise<Uint8Array> = deflate,
): Promise<Uint8Array> {
  const stride = width * 4;
  if (rgba.length !== stride * height)
    throw new RangeError(`expected ${stride * height} bytes of RGBA, got ${rgba.length}`);
  // Each row led by its filter type, 0 (none): the rows are copied as they are.
  const rows = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++)
    rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // colour type: truecolour with alpha
  // [10..12]: deflate compression, adaptive filtering (each row names its filter), no interlace: all 0.
  const parts = [
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', await compress(rows)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
