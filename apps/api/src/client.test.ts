import { describe, expect, it } from 'vitest';
import { app } from './app.js';
import { createClient } from './client.js';

// The typed client against the app itself: no server, same code path as over HTTP.
const api = createClient('http://localhost', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) =>
    app.request(input instanceof Request ? input : String(input), init),
});

describe('typed client (@mt0/api/client)', () => {
  it('reads the index and every collection with typed bodies', async () => {
    const index = await (await api.v1.$get({ query: {} })).json();
    expect(index.links.observations).toBe('/v1/observations');

    const obs = await api.v1.observations.$get({
      query: { indicator: 'cead.cases.drugs', geo: 'CL', limit: 5 },
    });
    expect(obs.status).toBe(200);
    const body = await obs.json();
    expect(body.data).toHaveLength(5);
    expect(body.data[0]?.indicator).toBe('cead.cases.drugs');
    expect(body.links.next).not.toBeNull();

    const inds = await (await api.v1.indicators.$get({ query: {} })).json();
    expect(inds.data.some((i) => i.id === 'mt0.arrests')).toBe(true);
    const one = await (
      await api.v1.indicators[':id'].$get({ param: { id: 'mt0.arrests' }, query: {} })
    ).json();
    expect(one.data.unit).toBe('persons');

    const srcs = await (await api.v1.sources.$get({ query: {} })).json();
    expect(srcs.data.every((s) => s.records >= 0)).toBe(true);
    const src = await api.v1.sources[':id'].$get({ param: { id: 'pdi.via.insightcrime.2022' }, query: {} });
    expect(src.status).toBe(200);

    const changes = await (await api.v1.changes.$get({ query: { indicator: 'mt0.seizures' } })).json();
    expect(changes.data[0]?.percent).toBe(150);

    const st = await (await api.v1.statements.$get({ query: {} })).json();
    expect(st.data.every((s) => Array.isArray(s.evidence))).toBe(true);
    const st1 = await api.v1.statements[':id'].$get({ param: { id: 'lizana.community' }, query: {} });
    expect(st1.status).toBe(200);

    const ev = await (await api.v1.events.$get({ query: { breaksSeries: 'true' } })).json();
    expect(ev.data.every((e) => e.breaksSeries)).toBe(true);
    const ev1 = await api.v1.events[':id'].$get({ param: { id: 'mt0.launch' }, query: {} });
    expect(ev1.status).toBe(200);
  });

  it('calls every metric with typed queries', async () => {
    const m = api.v1.metrics;
    expect((await (await m.$get({ query: {} })).json()).data).toHaveLength(8);
    const change = await m.change.$get({
      query: { from: 'cead.cases.drugs@2015', to: 'cead.cases.drugs@2019' },
    });
    expect((await change.json()).unit).toBe('percent');
    const ann = await (await m.annualized.$get({ query: { change: 'fiscalia.street_sales' } })).json();
    expect(ann.value).toBeCloseTo(12.8181, 4); // (1.62^(1/4) − 1) × 100
    const imp = await (
      await m.implied.$get({
        query: {
          share: 'mt0.arrests.hotline_share@2022',
          total: 'mt0.arrests:CL:2020:pdi.via.insightcrime.2022',
          allowUndated: 'true',
        },
      })
    ).json();
    expect(imp.low).toBeCloseTo(804.3, 9); // 0.3 × 2681
    const sh = await m.share.$get({
      query: { part: 'cead.cases.microtrafficking@2019', total: 'cead.cases.drugs@2019' },
    });
    expect(sh.status).toBe(200);
    // hc reads a final path segment named `index` as "/" (its name for a route's root), so the client
    // cannot name /v1/metrics/index: `m.index` is /v1/metrics. The README says to fetch it by URL.
    expect(m.index.$url().pathname).toBe('/v1/metrics');
    const rate = await m.rate.$get({ query: { count: 'cead.cases.drugs@2019' } });
    expect(rate.status).toBe(200);
    const pp = await m.prepost.$get({ query: { indicator: 'cead.cases.drugs', window: 3 } });
    expect(pp.status).toBe(200);
    const cmp = await (await m.compare.$get({ query: {} })).json();
    expect(cmp.finding).toBe('apart');
  });

  it('reads health and the OpenAPI document', async () => {
    const h = await (await api.healthz.$get()).json();
    expect(h.status).toBe('ok');
    const doc = await api['openapi.json'].$get();
    expect(doc.status).toBe(200);
    const page = await api.docs.$get();
    expect(page.status).toBe(200);
  });

  it('surfaces problems as non-ok responses', async () => {
    const res = await api.v1.indicators[':id'].$get({ param: { id: 'nope' }, query: {} });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(404);
  });
});
