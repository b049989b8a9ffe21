import { describe, expect, it } from 'vitest';
import { change, obs } from './test-utils.js';
import { checkChange, checkList, checkObs, checkSource } from './validate.js';

const arrests = () => ({
  ...obs('mt0.arrests:CL:2020:pdi.via.insightcrime.2022'),
  confidence: 'B',
  quote: '…',
});

describe('validators', () => {
  it('accept the records the API returns and keep only the fields the views draw', () => {
    const o = checkObs(arrests());
    expect(o).toEqual({
      id: 'mt0.arrests:CL:2020:pdi.via.insightcrime.2022',
      indicator: 'mt0.arrests',
      geo: 'CL',
      period: '2020',
      value: 2681,
      qualifier: 'exact',
      low: 2681,
      high: 2681,
      source: 'pdi.via.insightcrime.2022',
    });
    expect(
      checkChange(change('fiscalia.street_sales:CL:2015/2019:fiscalia.via.insightcrime.2022'))?.percent,
    ).toBe(62);
  });

  it('reject a wrong type, an interval that does not hold the value, an unknown qualifier, grade C, a non-http URL', () => {
    expect(checkObs({ ...arrests(), value: '2681' })).toBeUndefined();
    expect(checkObs({ ...arrests(), low: 3000 })).toBeUndefined();
    expect(checkObs({ ...arrests(), qualifier: 'roughly' })).toBeUndefined();
    expect(checkObs({ ...arrests(), confidence: 'C' })).toBeUndefined();
    expect(checkObs({ ...arrests(), value: Number.NaN })).toBeUndefined();
    expect(checkSource({ id: 'x', publisher: 'X', url: 'javascript:alert(1)' })).toBeUndefined();
  });

  it('reject a whole answer when one item fails, or when it is not a list', () => {
    expect(checkList({ data: [arrests(), { ...arrests(), period: 'soon' }] }, checkObs)).toBeUndefined();
    expect(checkList({ data: 'x' }, checkObs)).toBeUndefined();
    expect(checkList(null, checkObs)).toBeUndefined();
    expect(checkList({ data: [arrests()] }, checkObs)).toHaveLength(1);
  });
});
