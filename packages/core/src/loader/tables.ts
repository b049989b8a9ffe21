// Table imports: a published table (CEAD cases, INE population) is kept verbatim as CSV under
// data/tables/, and a small YAML beside it says how its columns map to observations. Each row
// becomes an observation whose quote is the row itself, so the figure and its words cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { intervalFor } from '../qualifiers/index.js';
import {
  confidenceSchema,
  idSchema,
  languageSchema,
  type Observation,
  observationSchema,
} from '../schemas/index.js';
import { type LoadContext, listFiles, resolveGeo } from './context.js';
import { readCsvText } from './csv.js';
import { shown } from './issues.js';
import type { ReadRecord } from './rows.js';
import { parseValue } from './values.js';
import { parseYamlObject } from './yaml.js';

/** How a table's rows get their indicator: one for every row, or a column mapped value by value. */
export const indicatorMapping = {
  indicator: idSchema.optional().describe('A fixed indicator for every row.'),
  indicatorColumn: z.string().optional(),
  indicators: z.record(z.string(), idSchema).optional().describe('Value of indicatorColumn → indicator id.'),
  skip: z
    .record(z.string(), z.string())
    .optional()
    .describe('Value of indicatorColumn → why its rows are left out.'),
};

/** The refinement that makes a spec choose one of the two ways of `indicatorMapping`. */
export const oneIndicatorMapping = [
  (s: { indicator?: string; indicatorColumn?: string; indicators?: Record<string, string> }) =>
    (s.indicator === undefined) !== (s.indicatorColumn === undefined && s.indicators === undefined),
  { message: 'give either indicator, or indicatorColumn with indicators' },
] as const;

export const tableSpecSchema = z
  .object({
    file: z.string().regex(/^[\w.-]+\.csv$/, 'expected a CSV file name in the same folder'),
    description: z.string().optional(),
    source: idSchema,
    confidence: confidenceSchema,
    lang: languageSchema,
    geo: z.string().optional().describe('A fixed geography for every row (CL).'),
    geoColumn: z
      .string()
      .optional()
      .describe('Column holding the geography (ISO code or region CUT number).'),
    period: z.string().describe('Column holding the period (year).'),
    value: z.string().describe('Column holding the value.'),
    ...indicatorMapping,
    notes: z.string().optional(),
  })
  .strict()
  .refine((s) => (s.geo === undefined) !== (s.geoColumn === undefined), {
    message: 'give exactly one of geo or geoColumn',
  })
  .refine(...oneIndicatorMapping);
export type TableSpec = z.infer<typeof tableSpecSchema>;

/** Reads every data/tables/*.yaml spec and the CSV it names into observations. */
export function loadTables(ctx: LoadContext): ReadRecord<Observation>[] {
  const out: ReadRecord<Observation>[] = [];
  const dir = join(ctx.root, 'tables');
  for (const specPath of listFiles(dir, ['.yaml', '.yml'])) {
    const specFile = ctx.rel(specPath);
    const parsed = parseYamlObject(readFileSync(specPath, 'utf8'));
    for (const e of parsed.errors)
      ctx.issues.push({ file: specFile, row: e.line, message: `YAML syntax: ${e.message}` });
    // Tables the columnar store holds (comuna × month) are read by loadStoreTables, not expanded here.
    if ((parsed.value as { into?: unknown } | undefined)?.into === 'store') continue;
    const spec = tableSpecSchema.safeParse(parsed.value);
    if (!spec.success) {
      for (const iss of spec.error.issues)
        ctx.issues.push({ file: specFile, column: iss.path.map(String).join('.'), message: iss.message });
      continue;
    }
    out.push(...readTable(ctx, spec.data, join(dir, spec.data.file), specFile));
  }
  return out;
}

function readTable(
  ctx: LoadContext,
  spec: TableSpec,
  csvPath: string,
  specFile: string,
): ReadRecord<Observation>[] {
  const file = ctx.rel(csvPath);
  let text: string;
  try {
    text = readFileSync(csvPath, 'utf8');
  } catch {
    ctx.issues.push({
      file: specFile,
      column: 'file',
      message: `table file ${shown(spec.file)} not found next to the spec`,
    });
    return [];
  }
  const table = readCsvText(text);
  for (const b of table.broken)
    ctx.issues.push({
      file,
      row: b.line,
      message: `CSV syntax: ${b.message}`,
      hint: 'the rest of the table was read; fix this row',
    });
  const columns = [spec.geoColumn, spec.period, spec.value, spec.indicatorColumn].filter(
    (c): c is string => !!c,
  );
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length) {
    ctx.issues.push({
      file,
      row: 1,
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} named in ${specFile}`,
    });
    return [];
  }
  const source = ctx.sources.get(spec.source);
  if (!source) {
    ctx.issues.push({ file: specFile, column: 'source', message: `unknown source "${spec.source}"` });
    return [];
  }
  const out: ReadRecord<Observation>[] = [];
  for (const { line, raw, cells } of table.rows) {
    const bad = (column: string, message: string, hint?: string) =>
      ctx.issues.push({ file, row: line, column, message, ...(hint ? { hint } : {}) });
    let indicatorId = spec.indicator;
    if (spec.indicatorColumn) {
      const key = cells[spec.indicatorColumn] ?? '';
      if (spec.skip && key in spec.skip) continue;
      indicatorId = spec.indicators?.[key];
      if (!indicatorId) {
        bad(
          spec.indicatorColumn,
          `no indicator mapped for ${shown(key)}`,
          `add it under indicators: or skip: (with the reason) in ${specFile}`,
        );
        continue;
      }
    }
    const indicator = ctx.indicators.get(indicatorId ?? '');
    if (!indicator) {
      bad(
        spec.indicatorColumn ?? 'indicator',
        `unknown indicator ${shown(indicatorId)}`,
        'define it in data/indicators/*.yaml',
      );
      continue;
    }
    const geoText = spec.geo ?? cells[spec.geoColumn ?? ''] ?? '';
    const geo = resolveGeo(ctx, geoText);
    if (!geo) {
      bad(spec.geoColumn ?? 'geo', `unknown geography ${shown(geoText)}`);
      continue;
    }
    const value = parseValue(cells[spec.value] ?? '', indicator.unit);
    if (!value.ok) {
      bad(spec.value, value.message, value.hint);
      continue;
    }
    const period = cells[spec.period] ?? '';
    const { low, high } = intervalFor(value.value, 'exact');
    const candidate = {
      id: `${indicator.id}:${geo}:${period}:${source.id}`,
      indicator: indicator.id,
      geo,
      period,
      value: value.value,
      qualifier: 'exact' as const,
      low,
      high,
      source: source.id,
      quote: raw,
      lang: spec.lang,
      confidence: spec.confidence,
      // The quote is the row itself, so the provenance check verifies the value against it.
      notes: `Row ${line} of ${file} (${table.header.join(',')}).${spec.notes ? ` ${spec.notes}` : ''}`,
    };
    const result = observationSchema.safeParse(candidate);
    if (result.success) out.push({ record: result.data, file, row: line, table: true });
    else
      for (const iss of result.error.issues)
        bad(iss.path.map(String).join('.') || 'row', `${iss.message}, got ${shown(cells[spec.period])}`);
  }
  return out;
}
