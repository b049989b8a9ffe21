import { describe, expect, it } from 'vitest';
import { bundleFor, change, params } from '../test-utils.js';
import { statementModel } from './statement.js';

describe('statementModel()', () => {
  it('sets the stockpiling claim against seizures and street-level sales', () => {
    const p = params('statement');
    const m = statementModel(bundleFor(p), p);
    expect(m?.who).toBe('Cristian Sepúlveda');
    expect(m?.date).toBe('julio de 2022');
    expect(m?.claimLang).toBe('en');
    expect(m?.original).toBe('Cita original en inglés');
    // Evidence: +150 % seizures (2020→2021) and +62 % street sales (2015→2019), from the records.
    const values = [
      change('mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022').percent,
      change('fiscalia.street_sales:CL:2015/2019:fiscalia.via.insightcrime.2022').percent,
    ];
    expect(values).toEqual([150, 62]);
    expect(m?.evidence.map((e) => [e.value, e.period])).toEqual([
      ['+150%', '2020→2021'],
      ['+62%', '2015→2019'],
    ]);
  });

  it('picks a statement by the indicator it concerns, with approximate evidence read as such', () => {
    const p = params('statement', { indicator: 'mt0.arrests.hotline_share', lang: 'en' });
    const m = statementModel(bundleFor(p), p);
    expect(m?.who).toBe('Pilar Lizana');
    expect(m?.original).toBe('');
    const share = m?.evidence.find((e) => e.key.startsWith('mt0.arrests.hotline_share'));
    expect([share?.value, share?.approximate, share?.range]).toEqual(['≈ ⅓', true, '30%–36.7%']);
  });
});
