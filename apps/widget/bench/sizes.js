// `pnpm bench`: prints each browser file's size (gzip -9) against its budget; exits 1 when one is over.
import { fileURLToPath } from 'node:url';
import { line, sizes } from './sizes-lib.js';

const all = sizes(fileURLToPath(new URL('../dist', import.meta.url)));
for (const s of all) console.log(line(s));
if (all.some((s) => s.budget !== undefined && s.bytes > s.budget)) process.exitCode = 1;
