// Removes dist/ before the four builds (each keeps the others' output: emptyOutDir is off).
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
