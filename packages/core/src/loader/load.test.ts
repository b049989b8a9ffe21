import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
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
          ':indicator: unknown indicator "mt0.arests" (define it in data/indicators/*.yaml first)',
        ),
        expect.stringContaining(':geo: unknown geography "CL-XX"'),
        expect.stringContaining(':qualifier: expected one of exact | approximately | nearly'),
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

  it('reports an unknown column in the header, with the expected header', () => {
    edit(SEED, (t) => t.replace('quote_check', 'quote_chek'));
    expect(problems()).toContain(
      `data/${SEED}:1: unknown column quote_chek (the header is indicator,geo,period,value,qualifier,source,confidence,quote,lang,quote_check,notes)`,
    );
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
    expect(problems().some((m) => m.includes(':evidence: unknown record "mt0.seizures:CL:2019/2021'))).toBe(
      true,
    );
  });

  it('reports a duplicate record with both places', () => {
    edit(SEED, (t) => `${t}${t.split('\n')[ARRESTS_LINE - 1]}\n`);
    expect(
      problems().some((m) =>
        m.includes('two records share the id "mt0.arrests:CL:2020:pdi.via.insightcrime.2022"'),
      ),
    ).toBe(true);
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

describe('the places table (data/geos.csv)', () => {
  it('reports a comuna id that is not its CUT code, a parent unknown or of the wrong level, and a CUT code given twice', () => {
    edit('geos.csv', (t) =>
      t
        .replace(
          'CL-05101,comuna,5101,,Valparaíso,Valparaíso,CL-VS,',
          'CL-5101,comuna,5101,,Valparaíso,Valparaíso,CL-VS,',
        )
        .replace('CL-02201,comuna,2201,,Calama,Calama,CL-AN,', 'CL-02201,comuna,2201,,Calama,Calama,CL-XX,')
        .replace(
          'CL-13101,comuna,13101,,Santiago,Santiago,CL-RM,',
          'CL-13101,comuna,13101,,Santiago,Santiago,CL,',
        )
        .replace('CL-05109,comuna,5109,', 'CL-05109,comuna,5107,'),
    );
    const line = (id: string) =>
      readFileSync(join(data, 'geos.csv'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith(`${id},`)) + 1;
    expect(problems()).toEqual(
      expect.arrayContaining([
        `data/geos.csv:${line('CL-5101')}:id: expected CL, a region code such as CL-RM, a comuna code such as CL-05101, or a country code such as AR, got "CL-5101"`,
        `data/geos.csv:${line('CL-02201')}:parent: unknown parent "CL-XX" (give the id of a place listed in this file)`,
        `data/geos.csv:${line('CL-13101')}:parent: expected a region as the parent of a comuna, got CL (a country)`,
        `data/geos.csv:${line('CL-05109')}:id: expected CL-05107 for CUT code 5107, got "CL-05109" (a comuna id is CL- and its CUT code in five digits)`,
        `data/geos.csv:${line('CL-05109')}:cut: CUT code 5107 is already CL-05107 (first given at data/geos.csv:${line('CL-05107')})`,
      ]),
    );
  });

  it('accepts a comuna by its CUT code (05101) in a data file and stores its id', () => {
    edit(SEED, (t) => t.replace('mt0.arrests,CL,2020,2681,', 'mt0.arrests,05101,2020,2681,'));
    const { dataset, issues } = loadDataset(data);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(dataset?.observations.find((o) => o.indicator === 'mt0.arrests' && o.period === '2020')?.geo).toBe(
      'CL-05101',
    );
  });
});

describe('pnpm data:check', () => {
  // Each test runs the script in a child process (tsx start-up, then every table): a minute is ample.
  const CHILD = 60_000;
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

  it(
    'prints file:row:column errors for a deliberately broken copy and exits 1',
    () => {
      edit(SEED, (t) => t.replace('mt0.arrests,CL,2020,2681,', 'mt0.arrests,CL,2020,2.681,'));
      const { code, out } = run(data);
      expect(code).toBe(1);
      expect(out).toContain(
        `data/${SEED}:${ARRESTS_LINE}:value: expected a whole number for unit "persons", got "2.681"`,
      );
      expect(out).toMatch(/✗ 1 problem in /);
    },
    CHILD,
  );

  it(
    'checks the comuna table of the columnar store too, naming file:row:column',
    () => {
      const gz = join(data, 'tables/cead_drugs_comuna_monthly.csv.gz');
      const text = gunzipSync(readFileSync(gz)).toString('utf8');
      // Line 2 is the first row: Iquique, January 2010, 21 cases.
      writeFileSync(
        gz,
        gzipSync(
          text.replace(
            '2010,1,1101,Iquique,1,Delitos asociados a drogas,21,',
            '2010,1,1101,Iquique,1,Delitos asociados a drogas,2l,',
          ),
        ),
      );
      const { code, out } = run(data);
      expect(code).toBe(1);
      expect(out).toContain(
        'data/tables/cead_drugs_comuna_monthly.csv.gz:2:cases: expected a number, got "2l" (digits only, "." for decimals, or a fraction such as 1/3)',
      );
    },
    CHILD,
  );

  it(
    'prints a summary and exits 0 for the real data',
    () => {
      const { code, out } = run(DATA_DIR);
      expect(code).toBe(0);
      expect(out).toMatch(/^✓ data valid: [\d,]+ observations/);
    },
    CHILD,
  );
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
