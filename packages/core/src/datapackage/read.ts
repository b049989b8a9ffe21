// Reads a CSV back through its Table Schema, as a Frictionless tool would: the header against the
// fields, each cell cast to its type (integer, number, boolean, list) and checked against its
// constraints, the primary key unique, and the foreign keys against the tables they name.
import { parseCsv } from '../loader/csv.js';
import type { TableField } from './fields.js';
import type { DataPackage, TableResource } from './package.js';

export type CellValue = string | number | boolean | null;
export type TableRow = Record<string, CellValue>;

/** A table read through its schema: the typed rows and every problem, as `file:line: column: why`. */
export interface ReadTable {
  rows: TableRow[];
  problems: string[];
}

const TRUE = new Set(['true', 'True', 'TRUE', '1']);
const FALSE = new Set(['false', 'False', 'FALSE', '0']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** One cell cast to its field's type; a string naming the problem when it does not fit. */
function cast(field: TableField, text: string): { value: CellValue } | string {
  switch (field.type) {
    case 'integer':
      return INTEGER.test(text) ? { value: Number(text) } : `"${text}" is not an integer`;
    case 'number':
      return NUMBER.test(text) ? { value: Number(text) } : `"${text}" is not a number`;
    case 'boolean':
      if (TRUE.has(text)) return { value: true };
      if (FALSE.has(text)) return { value: false };
      return `"${text}" is not a boolean`;
    default:
      if (field.format === 'uri' && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text))
        return `"${text}" is not a URI`;
      return { value: text };
  }
}

function violations(field: TableField, text: string, value: CellValue): string[] {
  const c = field.constraints ?? {};
  const out: string[] = [];
  if (c.pattern && !new RegExp(c.pattern, 'u').test(text)) out.push(`"${text}" does not match ${c.pattern}`);
  if (c.enum && !c.enum.includes(value as string | number | boolean))
    out.push(`"${text}" is not one of ${c.enum.join(', ')}`);
  if (c.minLength !== undefined && text.length < c.minLength) out.push(`shorter than ${c.minLength}`);
  if (typeof value === 'number') {
    if (c.minimum !== undefined && value < c.minimum) out.push(`${value} < minimum ${c.minimum}`);
    if (c.maximum !== undefined && value > c.maximum) out.push(`${value} > maximum ${c.maximum}`);
    if (c.exclusiveMinimum !== undefined && value <= c.exclusiveMinimum)
      out.push(`${value} ≤ exclusive minimum ${c.exclusiveMinimum}`);
    if (c.exclusiveMaximum !== undefined && value >= c.exclusiveMaximum)
      out.push(`${value} ≥ exclusive maximum ${c.exclusiveMaximum}`);
  }
  return out;
}

/**
 * Reads one resource's CSV through its table schema; foreign keys are checked by `readPackage`.
 * @example readTable({ path: 'n.csv', schema: { fields: [{ name: 'id', type: 'string' }, { name: 'n', type: 'integer' }], primaryKey: ['id'], foreignKeys: [], missingValues: [''] } }, 'id,n\r\na,1\r\n').rows
 * // [{ id: 'a', n: 1 }]
 */
export function readTable(resource: TableResource, text: string): ReadTable {
  const problems: string[] = [];
  const { header, rows } = parseCsv(text);
  const names = resource.schema.fields.map((f) => f.name);
  if (header.join(',') !== names.join(','))
    problems.push(
      `${resource.path}:1: the header (${header.join(',')}) is not the fields (${names.join(',')})`,
    );
  const missing = new Set(resource.schema.missingValues);
  const seen = new Map<string, number>();
  const out: TableRow[] = [];
  for (const row of rows) {
    const typed: TableRow = {};
    for (const field of resource.schema.fields) {
      const text = row.cells[field.name] ?? '';
      const at = `${resource.path}:${row.line}: ${field.name}`;
      if (missing.has(text)) {
        typed[field.name] = null;
        if (field.constraints?.required) problems.push(`${at}: required, but empty`);
        continue;
      }
      const cell = cast(field, text);
      if (typeof cell === 'string') {
        problems.push(`${at}: ${cell}`);
        continue;
      }
      typed[field.name] = cell.value;
      for (const v of violations(field, text, cell.value)) problems.push(`${at}: ${v}`);
    }
    const key = resource.schema.primaryKey.map((k) => String(typed[k])).join('\u0000');
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(`${resource.path}:${row.line}: primary key ${key} repeats line ${first}`);
    else seen.set(key, row.line);
    out.push(typed);
  }
  return { rows: out, problems };
}

/**
 * Reads every resource of a package through its table schema and checks the foreign keys between them.
 * `read` gives a resource's CSV text by its path.
 */
export function readPackage(
  pkg: DataPackage,
  read: (path: string) => string,
): { tables: Map<string, TableRow[]>; problems: string[] } {
  const tables = new Map<string, TableRow[]>();
  const problems: string[] = [];
  for (const r of pkg.resources) {
    const t = readTable(r, read(r.path));
    tables.set(r.name, t.rows);
    problems.push(...t.problems);
  }
  for (const r of pkg.resources) {
    for (const fk of r.schema.foreignKeys) {
      const target = fk.reference.resource ?? r.name;
      const ids = new Set(
        (tables.get(target) ?? []).map((row) => fk.reference.fields.map((f) => row[f]).join('\u0000')),
      );
      for (const [i, row] of (tables.get(r.name) ?? []).entries()) {
        const values = fk.fields.map((f) => row[f]);
        if (values.every((v) => v === null)) continue;
        if (!ids.has(values.join('\u0000')))
          problems.push(
            `${r.path}: row ${i + 1}: ${fk.fields.join(',')} = ${values.join(',')} names no row of ${target}`,
          );
      }
    }
  }
  return { tables, problems };
}
