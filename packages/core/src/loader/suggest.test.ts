import { describe, expect, it } from 'vitest';
import { editDistance } from '../places/distance.js';
import { placeIndex } from '../places/index.js';
import { closest, suggestGeo, suggestQualifier } from './suggest.js';

const geos = placeIndex([
  { id: 'CL', level: 'country' as const, name: { es: 'Chile', en: 'Chile' } },
  {
    id: 'CL-RM',
    level: 'region' as const,
    cut: 13,
    roman: 'XIII',
    name: { es: 'Región Metropolitana de Santiago', en: 'Santiago Metropolitan Region' },
  },
  { id: 'CL-NB', level: 'region' as const, cut: 16, roman: 'XVI', name: { es: 'Ñuble', en: 'Ñuble' } },
]);

describe('editDistance()', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('mt0.arests', 'mt0.arrests')).toBe(1); // one insertion
    expect(editDistance('arrset', 'arrest')).toBe(1); // "se" ↔ "es" swapped
    expect(editDistance('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closest()', () => {
  it('finds a typo within a third of its length, and nothing for a stranger', () => {
    expect(closest('mt0.arests', ['mt0.arrests', 'mt0.seizures'])).toBe('mt0.arrests');
    expect(closest('pdi.via.insightcrim.2022', ['pdi.via.insightcrime.2022'])).toBe(
      'pdi.via.insightcrime.2022',
    );
    expect(closest('population', ['mt0.arrests', 'mt0.seizures'])).toBeUndefined();
  });
});

describe('suggestGeo()', () => {
  it('knows a place by name, short code, CUT number or Roman numeral, with or without accents', () => {
    expect(suggestGeo('Chile', geos)).toBe('CL');
    expect(suggestGeo('Santiago', geos)).toBe('CL-RM');
    expect(suggestGeo('RM', geos)).toBe('CL-RM');
    expect(suggestGeo('XIII', geos)).toBe('CL-RM');
    expect(suggestGeo('nuble', geos)).toBe('CL-NB');
    expect(suggestGeo('CL-RN', geos)).toBe('CL-RM'); // one letter off
  });
});

describe('suggestQualifier()', () => {
  it('maps a word of the qualifier policy to its qualifier, and says it is one of the words', () => {
    expect(suggestQualifier('about')).toEqual({ qualifier: 'approximately', because: 'about' });
    expect(suggestQualifier('Más de')).toEqual({ qualifier: 'more_than', because: 'más de' });
    expect(suggestQualifier('casi')).toEqual({ qualifier: 'nearly', because: 'casi' });
  });
  it('reads spacing and near spellings of the qualifiers themselves', () => {
    expect(suggestQualifier('more than')).toEqual({ qualifier: 'more_than' });
    expect(suggestQualifier('exactly')).toEqual({ qualifier: 'exact' });
    expect(suggestQualifier('zzz')).toBeUndefined();
  });
});
