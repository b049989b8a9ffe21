import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/schemas/index.js';
import { releaseDate } from './dataset-files.js';

const meta = (version: string, contentHash: string) => ({ meta: { version, contentHash } }) as Dataset;

describe('releaseDate()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mt0-releases-'));
  writeFileSync(
    join(dir, '1.0.0.json'),
    JSON.stringify({ version: '1.0.0', date: '2026-11-29', contentHash: 'a'.repeat(64) }),
  );

  it('is the kept release’s date when the records are that release', () => {
    expect(releaseDate(meta('1.0.0', 'a'.repeat(64)), dir)).toBe('2026-11-29');
  });

  it('is undefined for records not yet released: another hash, or no manifest for the version', () => {
    expect(releaseDate(meta('1.0.0', 'b'.repeat(64)), dir)).toBeUndefined();
    expect(releaseDate(meta('1.1.0', 'a'.repeat(64)), dir)).toBeUndefined();
  });
});
