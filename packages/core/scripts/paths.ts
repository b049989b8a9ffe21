import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (packages/core), wherever the script is run from. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
export const DIST_DIR = join(PACKAGE_ROOT, 'dist');
