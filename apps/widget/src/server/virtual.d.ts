declare module 'virtual:mt0-assets' {
  import type { AssetManifest } from './assets.js';

  const manifest: AssetManifest;
  export default manifest;
}
