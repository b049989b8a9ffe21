// The store file imported as a binary Data module in the Worker (wrangler `rules`): an ArrayBuffer.
declare module '*.arrow' {
  const bytes: ArrayBuffer;
  export default bytes;
}
