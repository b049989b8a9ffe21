// pnpm data:diff, tried on two small synthetic data folders and on git refs of a throwaway repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../src/loader/load.js';
import { recordsOf } from '../src/releases/manifest.js';
import { renderDataDiff } from '../src/releases/markdown.js';
import { PACKAGE_ROOT } from './paths.js';

/** A synthetic data folder: one place, one source, one indicator, the observation rows given. */
function writeData(dir: string, rows: string[], extraSource = false) {
  mkdirSync(join(dir, 'sources'), { recursive: true });
  mkdirSync(join(dir, 'indicators'), { recursive: true });
  mkdirSync(join(dir, 'observations'), { recursive: true });
  writeFileSync(
    join(dir, 'dataset.yaml'),
    'name: Test\nversion: 0.1.0\nlicence: CC BY 4.0\ncitation: Test {version}\n',
  );
  writeFileSync(join(dir, 'geos.csv'), 'id,level,cut,roman,name_es,name_en\nCL,country,,,Chile,Chile\n');
  writeFileSync(
    join(dir, 'sources', 'test.yaml'),
    `- id: test.source\n  publisher: Test\n  title: A test\n  published: "2030"\n  language: en\n  licence: test\n${
      extraSource
        ? '- id: test.other\n  publisher: Other\n  title: Another\n  language: es\n  licence: test\n'
        : ''
    }`,
  );
  writeFileSync(
    join(dir, 'indicators', 'test.yaml'),
    '- id: test.count\n  name: { es: Cuenta, en: Count }\n  description: { es: Una cuenta., en: A count. }\n  unit: count\n  unitShort: { es: n, en: n }\n  role: output\n  roleReason: { es: Cuenta actos., en: Counts acts. }\n',
  );
  writeFileSync(
    join(dir, 'observations', 'test.csv'),
    `indicator,geo,period,value,qualifier,source,confidence,quote,lang,quote_check,notes\n${rows.join('\n')}\n`,
  );
}
const ROW_2020 = 'test.count,CL,2020,120,exact,test.source,A,"there were 120 in 2020",,,';
const ROW_2021 = 'test.count,CL,2021,200,approximately,test.source,A,"about 200 | in 2021",,,';
const ROW_2022 = 'test.count,CL,2022,310,nearly,test.source,B,"nearly 310 in 2022",,,';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mt0-diff-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const records = (folder: string) => {
  const { dataset, issues } = loadDataset(folder);
  expect(issues).toEqual([]);
  return recordsOf(dataset as NonNullable<typeof dataset>);
};

describe('renderDataDiff()', () => {
  it('lists figures added, changed and removed with old → new value, qualifier and quote, as markdown', () => {
    writeData(join(dir, 'a'), [ROW_2020, ROW_2021]);
    writeData(
      join(dir, 'b'),
      [ROW_2020.replace(',120,', ',121,').replace('were 120', 'were 121'), ROW_2022],
      true,
    );
    expect(renderDataDiff(records(join(dir, 'a')), records(join(dir, 'b')), { from: 'a', to: 'b' })).toBe(
      [
        '### Data changes: a → b',
        '',
        'Figures (levels and reported changes): 1 added, 1 changed, 1 removed. Other records: 1.',
        '',
        '| | record | value | qualifier | quote | also changed |',
        '|---|---|---|---|---|---|',
        '| added | `test.count:CL:2022:test.source` | 310 | nearly | nearly 310 in 2022 |  |',
        '| changed | `test.count:CL:2020:test.source` | 120 → 121 | exact | ~~there were 120 in 2020~~ → there were 121 in 2020 |  |',
        // The pipe inside the quote is escaped so the table holds.
        '| removed | `test.count:CL:2021:test.source` | 200 | approximately | about 200 \\| in 2021 |  |',
        '',
        '| | record | changed fields |',
        '|---|---|---|',
        '| added | source `test.other` | |',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed, and shows a qualifier or grade change', () => {
    writeData(join(dir, 'a'), [ROW_2020]);
    expect(renderDataDiff(records(join(dir, 'a')), records(join(dir, 'a')), { from: 'x', to: 'y' })).toBe(
      '### Data changes: x → y\n\nNo records changed.\n',
    );
    writeData(join(dir, 'b'), [ROW_2020.replace(',A,', ',B,')]);
    expect(
      renderDataDiff(records(join(dir, 'a')), records(join(dir, 'b')), { from: 'a', to: 'b' }),
    ).toContain(
      '| changed | `test.count:CL:2020:test.source` | 120 | exact | there were 120 in 2020 | confidence: A → B |',
    );
  });

  it('shows a named fraction by its symbol, as it was typed (1/3), not as 0.333…', () => {
    writeData(join(dir, 'a'), []);
    writeData(join(dir, 'b'), [
      'test.count,CL,2020,1/3,approximately,test.source,B,"roughly a third in 2020",,,',
    ]);
    expect(
      renderDataDiff(records(join(dir, 'a')), records(join(dir, 'b')), { from: 'a', to: 'b' }),
    ).toContain(
      '| added | `test.count:CL:2020:test.source` | ⅓ | approximately | roughly a third in 2020 |  |',
    );
  });
});

describe('pnpm data:diff <git-ref>', { timeout: 60_000 }, () => {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {
      cwd: dir,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  const run = (...args: string[]) => {
    try {
      return execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/data-diff.ts', ...args, '--data', join(dir, 'data')],
        {
          cwd: PACKAGE_ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (e) {
      return `exit ${(e as { status: number }).status}: ${(e as { stderr: string }).stderr}`;
    }
  };

  it('shows an edit against HEAD, and the same change against HEAD~1 once committed', () => {
    writeData(join(dir, 'data'), [ROW_2020]);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'first');
    const csv = join(dir, 'data', 'observations', 'test.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(',120,', ',121,').replace('were 120', 'were 121'));
    const row = '| changed | `test.count:CL:2020:test.source` | 120 → 121 | exact |';
    expect(run('HEAD')).toContain('### Data changes: HEAD → working tree');
    expect(run('HEAD')).toContain(row);
    git('commit', '-qam', 'second');
    expect(run('HEAD')).toContain('No records changed.');
    expect(run('HEAD~1')).toContain(row);
  });

  it('names an unknown ref and a ref without the data folder', () => {
    writeData(join(dir, 'data'), [ROW_2020]);
    git('init', '-q');
    writeFileSync(join(dir, 'README'), 'x');
    git('add', 'README');
    git('commit', '-qm', 'no data yet');
    git('add', '.');
    git('commit', '-qm', 'data');
    expect(run('nope')).toBe('exit 1: ✗ unknown git ref "nope" (try HEAD, HEAD~1, a branch or a tag)\n');
    expect(run('HEAD~1')).toBe('exit 1: ✗ data does not exist at HEAD~1\n');
  });
});
