// Table Schema fields made from the zod schemas: a CSV column's name says which schema field it holds
// (`quote_check` → quoteCheck, `name_es` → name.es, `who_role` → who.role), and the zod schema gives its
// type and constraints (pattern, enum, minimum, required). Columns that are not record fields (a count,
// a joined list of ids) are described by the caller. One unknown column is an error, so the CSVs and
// the data package cannot drift apart.
import { z } from 'zod';
import { POINT } from '../periods/index.js';

/** A Frictionless Table Schema v2 field (the parts the kit uses). */
export interface TableField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  format?: 'uri';
  description?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    pattern?: string;
    enum?: (string | number | boolean)[];
    minLength?: number;
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
  };
}

/**
 * The separator of list columns in the kit's CSVs (`geos`, `indicators`, `evidence`). The v2 profile has
 * no list type (its `array` is a JSON array), so a list is a string whose pattern checks every item.
 */
export const LIST_DELIMITER = ';';

const camel = (parts: readonly string[]) =>
  parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> | undefined => {
  const inner = unwrap(schema).schema;
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
};

function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let s = schema;
  let optional = false;
  for (;;) {
    // A nullable field is an empty cell in the CSV where it is null (an open end of an interval).
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else return { schema: s, optional };
  }
}

/**
 * The schema field a column holds, found by its snake_case name, nested objects joined with `_`
 * (`unit_short_es` → unitShort.es). Shown at work by `fieldFor` (resources.ts).
 */
export function columnSchema(object: z.ZodType, column: string): z.ZodType | undefined {
  const walk = (schema: z.ZodType, parts: string[]): z.ZodType | undefined => {
    const shape = shapeOf(schema);
    if (!shape) return undefined;
    for (let i = parts.length; i >= 1; i--) {
      const key = camel(parts.slice(0, i));
      const child = shape[key];
      if (!child) continue;
      if (i === parts.length) {
        // An optional parent (none today) makes the child optional too.
        return child;
      }
      const found = walk(child, parts.slice(i));
      if (found) return found;
    }
    return undefined;
  };
  return walk(object, column.split('_'));
}

type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
};

/** Periods are checked by a function in zod; in the package they get the pattern it enforces. */
const POINT_PATTERN = POINT.source.replace(/^\^|\$$/g, '');
export const PERIOD_PATTERN = `^${POINT_PATTERN}(/${POINT_PATTERN})?$`;

/**
 * A Table Schema field for a column, from the zod schema of its value: its type, whether it is
 * required, and its pattern, values or bounds. Shown at work by `fieldFor` (resources.ts).
 */
export function fieldFromZod(name: string, schema: z.ZodType): TableField {
  const { schema: inner, optional } = unwrap(schema);
  const js = z.toJSONSchema(inner, { unrepresentable: 'any' }) as JsonSchema;
  const constraints: NonNullable<TableField['constraints']> = optional ? {} : { required: true };
  const description = inner.description ?? schema.description;
  let field: TableField;
  if (js.type === 'array') {
    field = { name, type: 'string' };
    if (js.items?.pattern) constraints.pattern = itemListPattern(js.items.pattern);
    // An empty list is an empty cell: required only when the schema asks for at least one item.
    if (!js.minItems) delete constraints.required;
  } else if (js.type === 'boolean') {
    field = { name, type: 'boolean' };
    if (js.const !== undefined) constraints.enum = [js.const as boolean];
  } else if (js.type === 'integer' || js.type === 'number') {
    field = { name, type: js.type };
    if (js.minimum !== undefined) constraints.minimum = js.minimum;
    if (js.exclusiveMinimum !== undefined) constraints.exclusiveMinimum = js.exclusiveMinimum;
    // zod writes MAX_SAFE_INTEGER for .int(): not a limit of the data.
    if (js.maximum !== undefined && js.maximum < Number.MAX_SAFE_INTEGER) constraints.maximum = js.maximum;
    if (js.exclusiveMaximum !== undefined) constraints.exclusiveMaximum = js.exclusiveMaximum;
  } else {
    field = { name, type: 'string' };
    if (js.format === 'uri') field.format = 'uri';
    if (js.enum) constraints.enum = js.enum as string[];
    if (js.pattern) constraints.pattern = js.pattern;
    if (js.minLength !== undefined) constraints.minLength = js.minLength;
  }
  if (description) field.description = description;
  if (Object.keys(constraints).length) field.constraints = constraints;
  return field;
}

/** A pattern for a whole list cell whose items each match `item` (a list column is text in the CSV). */
function itemListPattern(item: string): string {
  const bare = item.replace(/^\^|\$$/g, '');
  return `^(${bare})(${LIST_DELIMITER}(${bare}))*$`;
}

/** A column that is not a field of the record schema: a count, a joined list of ids. */
export type ExtraColumns = Record<string, TableField>;

/**
 * The fields of a CSV: each column from the record schema, or from `extra`; throws naming a column that
 * is in neither.
 */
export function fieldsFor(
  resource: string,
  header: readonly string[],
  object: z.ZodType,
  extra: ExtraColumns = {},
): TableField[] {
  return header.map((column) => {
    const known = extra[column];
    if (known) return known;
    const schema = columnSchema(object, column);
    if (!schema)
      throw new Error(
        `${resource}.csv: column "${column}" is neither a field of its schema nor described by the data package`,
      );
    return fieldFromZod(column, schema);
  });
}
