import { describe, expect, it } from 'vitest';
import { bundleFor, change, obs, params } from '../test-utils.js';
import { statModel } from './stat.js';

describe('statModel()', () => {
  it('shows the seed seizures change by default, in es and en', () => {
    const c = change('mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022');
    // The record says percent 150 → "+150%" in both languages (core format: no space before %).
    expect(c.percent).toBe(150);
    const es = statModel(bundleFor(params('stat')), params('stat'));
    expect(es?.big).toBe('+150%');
    expect(es?.when).toBe('2020→2021');
    expect(es?.source).toBe('Policía de Investigaciones de Chile (PDI) vía InSight Crime');
    expect(es?.sentence).toContain('+150%');
    const en = statModel(bundleFor(params('stat', { lang: 'en' })), params('stat', { lang: 'en' }));
    expect(en?.title).toBe('MT-0 drug seizures');
    expect(en?.source).toBe('Policía de Investigaciones de Chile (PDI) via InSight Crime');
  });

  it('shows the latest level of an indicator without changes, with its unit and es-CL grouping', () => {
    const p = params('stat', { indicator: 'mt0.arrests' });
    const o = obs('mt0.arrests:CL:2020:pdi.via.insightcrime.2022');
    // 2,681 arrests in 2020 (exact); the 2021 "nearly" record is grade C, which the views leave out.
    expect(o.value).toBe(2681);
    const m = statModel(bundleFor(p), p);
    expect(m?.big).toBe('2.681');
    expect(m?.unit).toBe('detenciones');
    expect(m?.approximate).toBe(false);
    expect(statModel(bundleFor({ ...p, lang: 'en' }), { ...p, lang: 'en' })?.big).toBe('2,681');
  });

  it('reads an approximate share as approximate, with its interval', () => {
    const p = params('stat', { indicator: 'mt0.arrests.hotline_share' });
    const o = obs('mt0.arrests.hotline_share:CL:2022:pdi.via.insightcrime.2022');
    // "roughly a third": value 1/3, interval [0.3, 0.3667] → "≈ ⅓", range 30%–36,7% (one decimal below 100).
    expect([o.qualifier, o.low]).toEqual(['approximately', 0.3]);
    const m = statModel(bundleFor(p), p);
    expect(m?.big).toBe('≈ ⅓');
    expect(m?.approximate).toBe(true);
    expect(m?.range).toBe('30%–36,7%');
    expect(m?.sentence).toContain('(entre 30% y 36,7%)');
  });

  it('is undefined for an indicator the bundle does not have', () => {
    const p = params('stat', { indicator: 'nope.nothing' });
    expect(statModel(bundleFor(p), p)).toBeUndefined();
  });
});
