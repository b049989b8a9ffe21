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

/** Adds a forecast column to a CSV of the copy, with a value for the rows on the given lines. */
function addForecastColumn(file: string, values: Record<number, string>) {
  edit(file, (t) =>
    t
      .split('\n')
      .map((l, i) => (l === '' ? l : i === 0 ? `${l},forecast` : `${l},${values[i + 1] ?? ''}`))
      .join('\n'),
  );
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
  it('names a misspelt derived_from at its file, row and column, with a did-you-mean', () => {
    // Line 10 of pdi.csv: the 2021 doses, converted from the "casi 300.000 plantas" of line 9.
    edit('observations/pdi.csv', (t) =>
      t.replace(
        ',pdi.seizures.cannabis_plants:CL:2021:pdi.via.seguridadpublica.2022\n',
        ',pdi.seizures.cannabis_plant:CL:2021:pdi.via.seguridadpublica.2022\n',
      ),
    );
    expect(problems().filter((p) => p.includes('derived_from'))).toEqual([
      expect.stringMatching(
        /^data\/observations\/pdi\.csv:10:derived_from: unknown record "pdi\.seizures\.cannabis_plant:CL:2021:pdi\.via\.seguridadpublica\.2022".*did you mean pdi\.seizures\.cannabis_plants:CL:2021:pdi\.via\.seguridadpublica\.2022/,
      ),
    ]);
  });

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
      `data/${SEED}:1: unknown column quote_chek (did you mean quote_check for quote_chek? the header is indicator,geo,period,value,qualifier,source,confidence,quote,lang,quote_check,period_status,notes,forecast,derived_from)`,
    ]);
  });

  it('reports a row with an unquoted comma as a wrong number of fields', () => {
    edit(SEED, (t) => t.replace('"InSight Crime itself says ""reportedly""."', 'InSight Crime, itself'));
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}: expected 12 fields, got 13 (quote any field that contains a comma: "like, this")`,
    );
  });

  it('reports a period_status that is neither partial nor undated, on its column', () => {
    edit(SEED, (t) => t.replace(',,,undated,', ',,,someday,'));
    expect(problems().find((m) => m.startsWith(`data/${SEED}:4:period_status:`))).toContain('partial');
  });

  it('reports a shareOf on an indicator that is not a share, and a partOf in another unit', () => {
    edit('indicators/mt0-seed.yaml', (t) =>
      t
        .replace(
          '  role: output\n  roleReason:\n    es: "Cuenta personas',
          '  role: output\n  shareOf: mt0.seizures\n  roleReason:\n    es: "Cuenta personas',
        )
        .replace('  partOf: mt0.seizures\n', '  partOf: mt0.arrests\n'),
    );
    const found = problems();
    expect(found.some((m) => /mt0-seed\.yaml:\d+:shareOf: only a percent or share/.test(m))).toBe(true);
    expect(found.some((m) => /mt0-seed\.yaml:\d+:partOf: a part is in the unit of its whole/.test(m))).toBe(
      true,
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

// Each test starts a Node process that compiles and loads the whole data package and its store tables:
// seconds, not milliseconds, on a shared 2-core machine, so these get a process-sized timeout.
describe('pnpm data:check', () => {
  const CHILD = 60_000;
  const run = (dir: string) => {
    try {
      return {
        code: 0,
        // Node with tsx as a loader, not npx or the tsx binary: one process, no binary resolved anew per call.
        out: execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-data.ts', dir], {
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
    edit(SEED, (t) => t.replace('in 2021.",,,,"InSight', 'in 2021.",,because,,"InSight'));
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}:quote_check: not needed: the quote contains 2,681 as written (move the explanation to notes, so the provenance check keeps checking this record)`,
    );
  });
});

describe('the validator reports what a reviewer would, in one pass', () => {
  const ROW2 =
    'mt0.arrests,CL,2020,2681,exact,pdi.via.insightcrime.2022,B,"reportedly delivering 2,681 arrests in 2020 and nearly the same number in 2021.",,,';

  it('reports all seven mistakes of one row at once', () => {
    edit(SEED, (t) =>
      t.replace(
        ROW2,
        'mt0.arests,CL-XX,20200,2.681,abuot,pdi.via.insightcrime.2O22,D,"reportedly delivering 2,681 arrests in 2020 and nearly the same number in 2021.",fr,,',
      ),
    );
    const row = problems().filter((m) => m.startsWith(`data/${SEED}:${ARRESTS_LINE}:`));
    // indicator, geo, period, qualifier, source, confidence, lang: seven cells, seven problems (the value
    // 2.681 is a plain number while the indicator, and so its unit, is unknown).
    expect(row.map((m) => m.split(':')[2])).toEqual([
      'indicator',
      'source',
      'geo',
      'qualifier',
      'period',
      'confidence',
      'lang',
    ]);
  });

  it('reports a stray quote on its row and reads the rest of the file', () => {
    // The 2020 row's quote loses its closing quote mark: one row is unreadable, not the file.
    edit(SEED, (t) => t.replace('in 2021.",,,,"InSight Crime', 'in 2021.,,,,"InSight Crime'));
    const p = problems();
    expect(p).toEqual([
      `data/${SEED}:${ARRESTS_LINE}: CSV syntax: unexpected "I" after a closing quote (a quote inside a quoted field is written twice: "") (the rest of the file was read; fix this row)`,
    ]);
  });

  it('does not call a record on an unreadable row "unknown" where it is referenced', () => {
    // The statement sepulveda.stockpiling cites the 2020→2021 seizures change in changes/seed.csv.
    edit('changes/seed.csv', (t) =>
      t.replace('led to a 150 percent increase', 'led to a "150 percent" increase'),
    );
    const p = problems();
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^data\/changes\/seed\.csv:2: CSV syntax: /);
  });

  it('does not cascade a YAML syntax error into "unknown indicator" on every row that uses one', () => {
    edit('indicators/mt0-seed.yaml', (t) =>
      t.replace('- id: mt0.seizures\n', '- id: mt0.seizures\n  name: [unclosed\n'),
    );
    const p = problems();
    expect(p.length).toBeGreaterThan(0);
    expect(p.every((m) => m.startsWith('data/indicators/mt0-seed.yaml:'))).toBe(true);
  });

  it('names both places of a duplicate source id', () => {
    edit(
      'sources/insightcrime-2022.yaml',
      (t) => `${t}\n- id: insightcrime.2022.mt0\n  publisher: X\n  title: Y\n  language: en\n  licence: Z\n`,
    );
    expect(problems()).toEqual([
      expect.stringMatching(
        /^data\/sources\/insightcrime-2022\.yaml:\d+: duplicate source id "insightcrime\.2022\.mt0": also at data\/sources\/insightcrime-2022\.yaml:6 /,
      ),
    ]);
  });

  it('names both rows of a duplicate place in geos.csv', () => {
    edit('geos.csv', (t) => `${t}CL-RM,region,13,XIII,Santiago,Santiago,CL,\n`);
    const lines = readFileSync(join(data, 'geos.csv'), 'utf8').trimEnd().split('\n');
    const first = lines.findIndex((l) => l.startsWith('CL-RM,')) + 1;
    // The repeated row is the last line; its CUT code is not reported again as a second place's.
    expect(problems()).toEqual([
      `data/geos.csv:${lines.length}: duplicate place "CL-RM": also at data/geos.csv:${first} (ids must be unique: rename one, or merge them)`,
    ]);
  });

  it('suggests the closest source, place (by code or name) and qualifier word', () => {
    edit(SEED, (t) =>
      t.replace(
        ROW2,
        ROW2.replace('pdi.via.insightcrime.2022', 'pdi.via.insightcrim.2022').replace(',CL,', ',Chile,'),
      ),
    );
    edit(SEED, (t) => t.replace('1/3,approximately,', '1/3,roughly,'));
    const p = problems();
    expect(p).toContain(
      `data/${SEED}:${ARRESTS_LINE}:source: unknown source "pdi.via.insightcrim.2022" (did you mean pdi.via.insightcrime.2022? Or define it in data/sources/*.yaml first)`,
    );
    expect(p).toContain(
      `data/${SEED}:${ARRESTS_LINE}:geo: unknown geography "Chile" (did you mean CL? Or use CL, a region code such as CL-RM (or its CUT number 13), a comuna code such as CL-05101 (or its CUT code 5101), or a country code listed in data/geos.csv)`,
    );
    expect(p).toContain(
      `data/${SEED}:4:qualifier: expected one of exact | approximately | nearly | more_than | at_least | less_than | at_most, got "roughly" (did you mean approximately? ('roughly' is one of its words in the qualifier policy))`,
    );
  });

  it('suggests approximately for "about", one of its words', () => {
    edit(SEED, (t) => t.replace('1/3,approximately,', '1/3,about,'));
    expect(problems()).toEqual([
      `data/${SEED}:4:qualifier: expected one of exact | approximately | nearly | more_than | at_least | less_than | at_most, got "about" (did you mean approximately? ('about' is one of its words in the qualifier policy))`,
    ]);
  });

  it('refuses a qualifier that contradicts the words of the quote, naming both (es)', () => {
    // "Cerca de 600 sujetos" is approximately; recorded as exact it is an error.
    edit('observations/fiscalia.csv', (t) =>
      t.replace(
        'fiscalia.prolific_offenders,CL,2016,600,approximately,',
        'fiscalia.prolific_offenders,CL,2016,600,exact,',
      ),
    );
    expect(problems()).toContain(
      'data/observations/fiscalia.csv:24:qualifier: the quote says "Cerca de 600" (approximately), but the qualifier is exact (set the qualifier the words give, or quote the words that qualify this figure)',
    );
  });

  it('refuses "casi 312" recorded as exact, and an approximate qualifier the quote has no words for (en)', () => {
    edit('observations/fiscalia.csv', (t) =>
      t.replace('"Si en 2015 hubo 10.918 imputados,', '"Si en 2015 hubo casi 10.918 imputados,'),
    );
    edit(SEED, (t) => t.replace(ROW2, ROW2.replace(',exact,', ',at_least,')));
    const p = problems();
    expect(p).toContain(
      'data/observations/fiscalia.csv:2:qualifier: the quote says "casi 10.918" (nearly), but the qualifier is exact (set the qualifier the words give, or quote the words that qualify this figure)',
    );
    expect(p).toContain(
      `data/${SEED}:${ARRESTS_LINE}:qualifier: the qualifier is at_least, but the quote has none of its words (at least, no fewer than) (set the qualifier the words give, or quote the words that qualify this figure)`,
    );
  });

  it('refuses a period that ends after its source was published, unless the record is a forecast', () => {
    // InSight Crime's article (via: pdi.via.insightcrime.2022) is of July 2022; a 2023 figure from it is impossible.
    edit(SEED, (t) => t.replace(ROW2, ROW2.replace(',2020,2681,', ',2023,2681,')));
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}:period: the period 2023 ends after its source was published (2022-07, pdi.via.insightcrime.2022) (give the months the figure covers (2020-01/2020-06 for a year to date), write partial in period_status if it is a year to date, or yes in the forecast column if it is a projection)`,
    );
    addForecastColumn(SEED, { [ARRESTS_LINE]: 'yes' });
    const { dataset, issues } = loadDataset(data);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(
      dataset?.observations.find((o) => o.id === 'mt0.arrests:CL:2023:pdi.via.insightcrime.2022')?.forecast,
    ).toBe(true);
  });

  it('accepts a year to date marked partial, but not one of a year that had not begun', () => {
    // The 2020 arrests row, dated 2022 (the year of the article, July 2022) and marked partial: a year to date.
    const partial = (period: string) =>
      edit(SEED, (t) => t.replace(ROW2, `${ROW2.replace(',2020,2681,', `,${period},2681,`)}partial`));
    partial('2022');
    const { dataset, issues } = loadDataset(data);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(
      dataset?.observations.find((o) => o.id === 'mt0.arrests:CL:2022:pdi.via.insightcrime.2022'),
    ).toMatchObject({ periodStatus: 'partial' });
    edit(SEED, (t) => t.replace(',2022,2681,', ',2023,2681,'));
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}:period: the period 2023 begins after its source was published (2022-07, pdi.via.insightcrime.2022), though period_status is partial (a year to date or an undated figure is dated to the period its source was published in)`,
    );
  });

  it('reads a forecast column that says anything but yes as a mistake', () => {
    addForecastColumn(SEED, { [ARRESTS_LINE]: 'maybe' });
    expect(problems()).toContain(
      `data/${SEED}:${ARRESTS_LINE}:forecast: expected yes or nothing, got "maybe" (write yes when the figure is a forecast or projection)`,
    );
  });

  it('keeps listed known problems out of the errors, and reports an entry that no longer matches', () => {
    // Release 0.3.0 corrected every problem the list held (i10 listed 17): it is empty.
    expect(loadDataset(data).allowed).toEqual([]);
    // The INE projection without its forecast marker ends after its article: listed, it is a note.
    const INE = 'ine.population.projection2024base:CL:2026-06:ine.via.cooperativa.2026';
    edit('observations/ine.csv', (t) => t.replace(',yes,"2024-census base', ',,"2024-census base'));
    edit('known-issues.yaml', () => `- record: ${INE}\n  rule: period-after-publication\n  why: a test\n`);
    const { allowed } = loadDataset(data);
    expect(allowed.map((i) => [i.rule, i.record])).toEqual([['period-after-publication', INE]]);
    // Marking it a forecast again fixes it: its entry must then go.
    edit('observations/ine.csv', (t) => t.replace(',,"2024-census base', ',yes,"2024-census base'));
    expect(problems()).toEqual([
      expect.stringMatching(
        /^data\/known-issues\.yaml:\d+:record: no period-after-publication problem left for "ine\.population\.projection2024base:CL:2026-06:ine\.via\.cooperativa\.2026" \(the record passes now/,
      ),
    ]);
  });

  it('reports a bad dataset.yaml together with the record errors, not on a second run', () => {
    edit('dataset.yaml', (t) => t.replace(/^version: .*$/m, 'version: v1'));
    edit(SEED, (t) => t.replace('mt0.arrests,CL,2020,2681,', 'mt0.arrests,CL,2020,2618,'));
    const p = problems();
    expect(p).toContain('data/dataset.yaml:version: expected a semantic version such as 1.2.0, got "v1"');
    expect(p.some((m) => m.startsWith(`data/${SEED}:${ARRESTS_LINE}:quote:`))).toBe(true);
  });
});
