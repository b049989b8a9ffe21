// Build step: the PNG rasteriser's files in dist/raster/, the paths a Worker imports them by
// (`@mt0/widget/raster/resvg.wasm` as a compiled WASM module, the fonts as binary Data modules; see
// apps/api/wrangler.jsonc): resvg's WebAssembly build, DejaVu Sans and DejaVu Sans Bold, with the fonts'
// licence beside them. On Node the kit reads the same files from the installed packages (src/server/png.ts).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const OUT = new URL('../dist/raster/', import.meta.url).pathname;
const FILES = {
  'resvg.wasm': '@resvg/resvg-wasm/index_bg.wasm',
  'DejaVuSans.ttf': 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

mkdirSync(OUT, { recursive: true });
for (const [name, from] of Object.entries(FILES)) copyFileSync(require.resolve(from), join(OUT, name));
// The fonts' licence (Bitstream Vera and DejaVu changes) travels with them.
const fontsDir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, '');
copyFileSync(join(fontsDir, 'LICENSE'), join(OUT, 'LICENSE-DejaVu.txt'));
const { version } = JSON.parse(readFileSync(join(fontsDir, 'package.json'), 'utf8'));
const resvg = JSON.parse(
  readFileSync(join(dirname(require.resolve('@resvg/resvg-wasm/index_bg.wasm')), 'package.json'), 'utf8'),
);
writeFileSync(
  join(OUT, 'NOTICE.txt'),
  `resvg.wasm: ${resvg.name} ${resvg.version}, ${resvg.license} (source: https://github.com/yisibl/resvg-js), unmodified.
DejaVuSans.ttf, DejaVuSans-Bold.ttf: DejaVu fonts ${version} (dejavu-fonts-ttf), unmodified; licence in LICENSE-DejaVu.txt.
`,
);
console.log(`raster: resvg.wasm, DejaVu Sans ${version} (regular, bold) and their licence → dist/raster/`);
