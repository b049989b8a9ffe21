// The tables of the data package: which zod schema each CSV's columns come from, the columns that are
// not record fields, the primary key and the foreign keys between tables.
import type { z } from 'zod';
import { reportedChangeSchema } from '../schemas/change.js';
import { geoEntrySchema } from '../schemas/common.js';
import { eventSchema } from '../schemas/event.js';
import { indicatorSchema } from '../schemas/indicator.js';
import { observationSchema } from '../schemas/observation.js';
import { sourceSchema } from '../schemas/source.js';
import { statementSchema } from '../schemas/statement.js';
import { type ExtraColumns, fieldsFor, LIST_DELIMITER, PERIOD_PATTERN, type TableField } from './fields.js';

/** A foreign key: columns of this table that name a row of another (or, with no resource, of this one). */
export interface ForeignKey {
  fields: string[];
  reference: { resource?: string; fields: string[] };
}

export interface TableSpec {
  /** Resource name; its file is `{name}.csv`. */
  name: string;
  title: string;
  description: string;
  schema: z.ZodType;
  extra?: ExtraColumns;
  foreignKeys: ForeignKey[];
  /**
   * Columns the schema requires only from a release on: a kept older release's rows leave them empty,
   * and its package must not promise otherwise (a Frictionless tool would report every such row).
   */
  requiredSince?: Record<string, string>;
}

const count = (name: string, description: string): TableField => ({
  name,
  type: 'integer',
  description,
  constraints: { required: true, minimum: 0 },
});

const period = (name: string, description: string, required = true): TableField => ({
  name,
  type: 'string',
  description,
  constraints: { ...(required ? { required: true } : {}), pattern: PERIOD_PATTERN },
});

const idList = (name: string, description: string): TableField => ({
  name,
  type: 'string',
  description: `${description} Separated by "${LIST_DELIMITER}".`,
});

const to = (fields: string, resource?: string): ForeignKey => ({
  fields: [fields],
  reference: { ...(resource ? { resource } : {}), fields: ['id'] },
});

/** Which end of a record's interval is open (its low or high cell is then empty), as the CSV says it. */
const OPEN_END_FIELD: TableField = {
  name: 'open_end',
  type: 'string',
  description:
    'high: the upper end is open (a "more than X" / "at least X" figure; the high cell is empty, never an invented ceiling); low: the lower end is open; empty: both ends are bounded.',
  constraints: { enum: ['high', 'low'] },
};

/** Every table, in the order the package lists them. */
export const TABLES: readonly TableSpec[] = [
  {
    name: 'observations',
    title: 'Observations (levels)',
    description:
      'Every level as its source states it, grades A, B and C: value, qualifier, the interval the qualifier policy gives it, source and verbatim quote.',
    schema: observationSchema,
    extra: {
      period: period('period', 'A year (2020), a month (2020-03) or a span (2015/2019).'),
      open_end: OPEN_END_FIELD,
    },
    foreignKeys: [to('indicator', 'indicators'), to('geo', 'places'), to('source', 'sources')],
  },
  {
    name: 'changes',
    title: 'Reported changes',
    description:
      'Every relative change as its source publishes it (+150 % from 2020 to 2021), grades A, B and C; the levels behind it are unknown and never invented.',
    schema: reportedChangeSchema,
    extra: {
      from: period('from', 'The period the change starts from.'),
      to: period('to', 'The period the change ends at.'),
      open_end: OPEN_END_FIELD,
    },
    foreignKeys: [to('indicator', 'indicators'), to('geo', 'places'), to('source', 'sources')],
  },
  {
    name: 'indicators',
    title: 'Indicators',
    description:
      'What is measured: names and descriptions in Spanish and English, unit, role (output, outcome, context), and the geographies and periods with data.',
    schema: indicatorSchema,
    extra: {
      geos: idList('geos', 'Places with observations or changes of the indicator.'),
      periods: idList('periods', 'Periods with observations, earlier first.'),
      observations: count('observations', 'Observations of the indicator.'),
      changes: count('changes', 'Reported changes of the indicator.'),
    },
    foreignKeys: [to('share_of'), to('part_of')],
    // roleReason came with release 0.2.0.
    requiredSince: { role_reason_es: '0.2.0', role_reason_en: '0.2.0' },
  },
  {
    name: 'sources',
    title: 'Sources',
    description:
      'Publications the figures were read in and the bodies they cite (`via` names the publication read), with the number of records citing each.',
    schema: sourceSchema,
    extra: { records: count('records', 'Observations, changes, statements and events citing the source.') },
    foreignKeys: [to('via')],
  },
  {
    name: 'statements',
    title: 'Statements',
    description: 'Who said what and when, in their own words, with the ids of the records it is set against.',
    schema: statementSchema,
    foreignKeys: [to('source', 'sources')],
  },
  {
    name: 'events',
    title: 'Events and series breaks',
    description: 'Dated facts that mark a series (a programme launch) or break it (a reclassification).',
    schema: eventSchema,
    foreignKeys: [to('source', 'sources')],
  },
  {
    name: 'places',
    title: 'Places',
    description:
      'Chile, its regions and comunas (ISO 3166-2 and CUT codes, parents, spellings found in sources), and the other countries the data names.',
    schema: geoEntrySchema,
    foreignKeys: [to('parent')],
  },
];

/**
 * The Table Schema field of one column of one table, as the data package describes it.
 * @example fieldFor('sources', 'language') // { name: 'language', type: 'string', description: 'Language of a text: es or en.', constraints: { required: true, enum: ['es', 'en'] } }
 * @example fieldFor('changes', 'percent') // { name: 'percent', type: 'number', constraints: { required: true, exclusiveMinimum: -100 } }
 */
export function fieldFor(table: string, column: string): TableField | undefined {
  const spec = TABLES.find((t) => t.name === table);
  if (!spec) return undefined;
  try {
    return fieldsFor(table, [column], spec.schema, spec.extra)[0];
  } catch {
    return undefined;
  }
}
