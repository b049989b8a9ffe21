// The release as a Frictionless Data Package v2: the descriptor (package.ts), its table schemas made
// from the zod schemas (fields.ts, resources.ts), and a reader that checks a CSV against its table
// schema (read.ts), for tests and for anyone loading the files.
export * from './fields.js';
export * from './package.js';
export * from './read.js';
export * from './resources.js';
