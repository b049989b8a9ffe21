import { describe, expect, it } from 'vitest';
import { foldName } from './fold.js';

describe('foldName()', () => {
  it.each([
    ['Valparaíso', 'valparaiso'],
    ['ÑUÑOA', 'nunoa'],
    ['Los Álamos', 'los alamos'],
    ["Libertador Gral. Bernardo O'Higgins", 'libertador gral bernardo ohiggins'],
    ['O’Higgins', 'ohiggins'],
    ['  Viña   del Mar ', 'vina del mar'],
    ['CL-05101', 'cl 05101'],
    ['', ''],
  ])('folds %j to %j', (text, folded) => {
    expect(foldName(text)).toBe(folded);
  });

  it('gives the same key to a name typed without its accents', () => {
    expect(foldName('Pitrufquen')).toBe(foldName('Pitrufquén'));
    expect(foldName('Ranquil')).toBe(foldName('Ránquil'));
  });
});
