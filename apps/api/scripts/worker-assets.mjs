// Build step: the Worker's static assets in one folder (wrangler.jsonc `assets.directory`): the widget's
// built files (dist/public of @mt0/widget), the release's downloads (dist/downloads of @mt0/core,
// under /downloads/, read by /v1/downloads/{file} through the ASSETS binding), and the kept releases'
// manifests (releases/*.json of @mt0/core, under /releases/, read when ?v= pins an older release: not
// in the Worker's bundle). The precompressed copies stay out: Cloudflare compresses at its edge; Node
// serves them from the packages' own folders. src/worker.ts serves none of /downloads/ or /releases/
// itself: only the app reads them, through the binding.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkg = (name) => dirname(require.resolve(`${name}/package.json`));
const out = fileURLToPath(new URL('../dist/assets/', import.meta.url));
const plain = (src) => !/\.(br|gz)$/.test(src);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(pkg('@mt0/widget'), 'dist', 'public'), out, { recursive: true, filter: plain });
cpSync(join(pkg('@mt0/core'), 'dist', 'downloads'), join(out, 'downloads'), {
  recursive: true,
  filter: plain,
});
cpSync(join(pkg('@mt0/core'), 'releases'), join(out, 'releases'), { recursive: true });
console.log(`worker assets → ${out}`);
