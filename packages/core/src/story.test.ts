import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../scripts/paths.js';
import type { Dataset } from './schemas/index.js';
import { SEED_STORY } from './story.js';

const dataset: Dataset = JSON.parse(readFileSync(join(DIST_DIR, 'dataset.json'), 'utf8'));

describe('SEED_STORY', () => {
  it('names indicators and a statement that exist in the dataset', () => {
    const indicators = new Set(dataset.indicators.map((i) => i.id));
    for (const id of [SEED_STORY.stat, SEED_STORY.series, ...SEED_STORY.compare, ...SEED_STORY.table])
      expect(indicators.has(id), id).toBe(true);
    expect(dataset.statements.some((s) => s.id === SEED_STORY.statement)).toBe(true);
  });

  it('lines up one output against outcomes in the comparison', () => {
    const role = (id: string) => dataset.indicators.find((i) => i.id === id)?.role;
    expect(SEED_STORY.compare.map(role)).toEqual(['output', 'outcome', 'outcome']);
  });
});
