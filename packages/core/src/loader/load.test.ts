import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_DIR, PACKAGE_ROOT } from '../../scripts/paths.js';
import { formatIssue } from './issues.js';
import { loadDataset } from './load.js';

let copy: string;
let data: string;

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'mt0-data-'));
  data = join(copy, 'data');
  cpSync(DATA_DIR, data, { recursive: true });
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

/** Rewrites a data file of the copy. */
function edit(file: string, change: (text: string) => string) {
  const path = join(data, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

function problems(): string[] {
  const { dataset, issues } = loadDataset(data);
  expect(dataset).toBeUndefined();
  return issues.map(formatIssue);
}

const SEED = 'observations/mt0-seed.csv';
/** Line of the 2020 arrests row in the seed file (header is line 1). */
const ARRESTS_LINE = 2;

describe('loadDataset()', () => {
  it('loads the real data without a problem', () => {
    const { dataset, issues } = loadDataset(DATA_DIR);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(dataset?.observations.length).toBeGreaterThan(100);
    expect(dataset?.meta.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same content hash on every load, and a different one when a figure changes', () => {
    const a = loadDataset(data).dataset?.meta.contentHash;
    expect(loadDataset(data).dataset?.meta.contentHash).toBe(a);
    edit('observations/mt0-seed.csv', (t) =>
      t.replace('mt0.arrests,CL,2020,2681', 'mt0.arrests,CL,2020,2682'),
    );
    edit('observations/mt0-seed.csv', (t) => t.replace('2,681 arrests in 2020', '2,682 arrests in 2020'));
    expect(loadDataset(data).dataset?.meta.contentHash).not.toBe(a);
  });

  it('names file:row:column, the value found and a hint for "2.681" typed for 2,681', () => {
    edit(SEED, (t) => t.replace('mt0.arrests,CL,2020,2681,', 'mt0.arrests,CL,2020,2.681,'));
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}:value: expected a whole number for unit "persons", got "2.681" (use 2681 without separators if you meant thousands)`,
    );
  });

  it('reports an unknown indicator, geography, qualifier, grade and period on their columns', () => {
    edit(SEED, (t) =>
      t.replace(
        'mt0.arrests,CL,2020,2681,exact,pdi.via.insightcrime.2022,B',
        'mt0.arests,CL-XX,20200,2681,exactly,pdi.via.insightcrime.2022,D',
      ),
    );
    const p = problems().filter((m) => m.startsWith(`data/${SEED}:${ARRESTS_LINE}:`));
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          ':indicator: unknown indicator "mt0.arests" (did you mean mt0.arrests? Or define it in data/indicators/*.yaml first)',
        ),
        expect.stringContaining(':geo: unknown geography "CL-XX"'),
        expect.stringContaining(':qualifier: expected one of exact | approximately | nearly'),
        expect.stringContaining(
          ':period: expected a year (2020), a month (2020-03) or a span (2015/2019), got "20200"',
        ),
        expect.stringContaining(':confidence: expected one of A | B | C, got "D"'),
      ]),
    );
  });

  it('reports a bad period and grade once the row is otherwise readable', () => {
    edit(SEED, (t) =>
      t.replace(
        'mt0.arrests,CL,2020,2681,exact,pdi.via.insightcrime.2022,B',
        'mt0.arrests,CL,20-20,2681,exact,pdi.via.insightcrime.2022,D',
      ),
    );
    const p = problems();
    expect(p).toContain(
      `data/${SEED}:${ARRESTS_LINE}:period: expected a year (2020), a month (2020-03) or a span (2015/2019), got "20-20"`,
    );
    expect(p).toContain(`data/${SEED}:${ARRESTS_LINE}:confidence: expected one of A | B | C, got "D"`);
  });

  it('accepts a region by its CUT number and stores the ISO code', () => {
    const { dataset } = loadDataset(DATA_DIR);
    // cead_drugs_region_yearly.csv writes region 13; the observation says CL-RM.
    expect(dataset?.observations.some((o) => o.indicator === 'cead.cases.drugs' && o.geo === 'CL-RM')).toBe(
      true,
    );
  });

  it('reports a change whose end comes before its start', () => {
    edit('changes/seed.csv', (t) =>
      t.replace('fiscalia.street_sales,CL,2015,2019,', 'fiscalia.street_sales,CL,2019,2015,'),
    );
    expect(problems()).toContain(
      'data/changes/seed.csv:4:to: expected a period after from (2019), got "2015"',
    );
  });

  it('reports an unknown column in the header once, with a did-you-mean and the expected header', () => {
    edit(SEED, (t) => t.replace('quote_check', 'quote_chek'));
    // The rows of that file are not read with a wrong header, and nothing cascades from them.
    expect(problems()).toEqual([
      `data/${SEED}:1: unknown column quote_chek (did you mean quote_check for quote_chek? the header is indicator,geo,period,value,qualifier,source,confidence,quote,lang,quote_check,notes,forecast)`,
    ]);
  });

  it('reports a row with an unquoted comma as a wrong number of fields', () => {
    edit(SEED, (t) => t.replace('"InSight Crime itself says ""reportedly""."', 'InSight Crime, itself'));
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}: expected 11 fields, got 12 (quote any field that contains a comma: "like, this")`,
    );
  });

  it('reports YAML fields on the line they are on', () => {
    edit('sources/insightcrime-2022.yaml', (t) =>
      t.replace('url: https://insightcrime.org/news/chiles', 'url: htp//insightcrime.org/news/chiles'),
    );
    const p = problems().find((m) => m.includes('insightcrime-2022.yaml') && m.includes(':url:'));
    expect(p).toMatch(/^data\/sources\/insightcrime-2022\.yaml:\d+:url: .*got "htp\/\/insightcrime/);
    const line = Number(p?.split(':')[1]);
    const text = readFileSync(join(data, 'sources/insightcrime-2022.yaml'), 'utf8').split('\n');
    expect(text[line - 1]).toContain('url: htp//');
  });

  it('reports an unknown field in YAML instead of dropping it', () => {
    edit('events/mt0.yaml', (t) =>
      t.replace('breaksSeries: false\n', 'breaksSeries: false\n  brakesSeries: true\n'),
    );
    expect(problems().some((m) => /events\/mt0\.yaml:\d+: unknown field "brakesSeries"/.test(m))).toBe(true);
  });

  it('reports a statement whose evidence names no record', () => {
    edit('statements/seed.yaml', (t) =>
      t.replace(
        'mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022',
        'mt0.seizures:CL:2019/2021:pdi.via.insightcrime.2022',
      ),
    );
    expect(
      problems().some((m) =>
        /^data\/statements\/seed\.yaml:\d+:evidence\.0: unknown record "mt0\.seizures:CL:2019\/2021:pdi\.via\.insightcrime\.2022" \(did you mean mt0\.seizures:CL:2020\/2021:pdi\.via\.insightcrime\.2022\?/.test(
          m,
        ),
      ),
    ).toBe(true);
  });

  it('reports a duplicate record with both places (file:row of each)', () => {
    edit(SEED, (t) => `${t}${t.split('\n')[ARRESTS_LINE - 1]}\n`);
    // The seed file has a header and three rows, so the copy lands on line 5.
    expect(problems()).toEqual([
      `data/${SEED}:5: duplicate record "mt0.arrests:CL:2020:pdi.via.insightcrime.2022": also at data/${SEED}:${ARRESTS_LINE} (the same indicator, geo, period and source appear twice: keep one, or split the source)`,
    ]);
  });

  it('fails the provenance check when a value and its quote disagree', () => {
    edit(SEED, (t) => t.replace('mt0.arrests,CL,2020,2681,', 'mt0.arrests,CL,2020,2618,'));
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}:quote: the quote does not contain the value 2618 as written in en (2,618 / 2618) (fix the value or the quote, or say why in quote_check)`,
    );
  });

  it('reports a table category that is neither mapped nor skipped, so no row is dropped silently', () => {
    edit('tables/cead-national.yaml', (t) => t.replace(/\n {2}Porte de drogas:.*\n/, '\n'));
    expect(
      problems().some(
        (m) =>
          m.includes('cead_drugs_national_yearly.csv:') &&
          m.includes(':category: no indicator mapped for "Porte de drogas"'),
      ),
    ).toBe(true);
  });
});

describe('pnpm data:check', () => {
  const run = (dir: string) => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', 'scripts/check-data.ts', dir], {
          cwd: PACKAGE_ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      };
    } catch (e) {
      const err = e as { status: number; stderr: string };
      return { code: err.status, out: err.stderr };
    }
  };

  it('prints file:row:column errors for a deliberately broken copy and exits 1', () => {
    edit(SEED, (t) => t.replace('mt0.arrests,CL,2020,2681,', 'mt0.arrests,CL,2020,2.681,'));
    const { code, out } = run(data);
    expect(code).toBe(1);
    expect(out).toContain(
      `data/${SEED}:${ARRESTS_LINE}:value: expected a whole number for unit "persons", got "2.681"`,
    );
    expect(out).toMatch(/✗ 1 problem in /);
  });

  it('prints a summary and exits 0 for the real data', () => {
    const { code, out } = run(DATA_DIR);
    expect(code).toBe(0);
    expect(out).toMatch(/^✓ data valid: [\d,]+ observations/);
  });
});

describe('the provenance check', () => {
  it('refuses a quote_check where the quote already shows the number, so the check stays on', () => {
    // The first row with this quote is the 2020 arrests row.
    edit(SEED, (t) => t.replace('in 2021.",,,"InSight', 'in 2021.",,because,"InSight'));
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}:quote_check: not needed: the quote contains 2,681 as written (move the explanation to notes, so the provenance check keeps checking this record)`,
    );
  });
});
