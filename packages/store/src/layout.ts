// The layout of the store's Arrow IPC file, shared by its writer (at build) and its reader: the
// columns, and the two schema-metadata entries (what the file holds, and the index of its series).
// No dependencies: both sides import it.

/** Bumped when the layout changes in a way an older reader cannot read. */
export const STORE_FORMAT = 1;

/**
 * One row per cell, sorted by place (country, regions, comunas), indicator, year and month, so that a
 * place's series for an indicator is one contiguous run of rows (found through the index).
 * - `geo`: place id (dictionary): `CL`, `CL-VS`, `CL-05101`
 * - `level`: `country`, `region` or `comuna` (dictionary)
 * - `indicator`: indicator id (dictionary): `cead.cases.microtrafficking`, `ine.population`
 * - `year` (int16), `month` (uint8, 1–12; null for a yearly figure such as population)
 * - `value` (int32): the count
 * - `vintage`: the upstream file the comuna rows came from (A, B, C; B+C for a sum over both), or null
 * - `source`: the kit's source id (dictionary)
 */
export const COLUMNS = ['geo', 'level', 'indicator', 'year', 'month', 'value', 'vintage', 'source'] as const;

/** Schema metadata key of the `StoreMeta` JSON. */
export const META_KEY = 'mt0:store';
/**
 * Schema metadata key of the series index: a flat JSON array of numbers, five per place × indicator run
 * — geo key, indicator key, first row, row count, places summed — where the keys index the `geo` and
 * `indicator` dictionaries and places summed is 0 for a place's own rows (33 for a region of 33
 * comunas). Flat, because reading 2,000 small arrays costs more than the rest of opening the file.
 */
export const INDEX_KEY = 'mt0:index';

export type PlaceLevel = 'country' | 'region' | 'comuna';

/** What the file holds, in its schema metadata (readable by any Arrow tool as a JSON string). */
export interface StoreMeta {
  format: typeof STORE_FORMAT;
  /** The data package release the store was built from. */
  dataset: { version: string; contentHash: string };
  /** The store's places in `geo` dictionary order, with their parents (a region's comunas). */
  places: { id: string; level: PlaceLevel; parent?: string }[];
  indicators: StoreIndicator[];
  /** What each vintage code means, per source id. */
  vintages: Record<string, Record<string, string>>;
  /** The data/tables/ files the rows were read from. */
  tables: {
    file: string;
    spec: string;
    source: string;
    rows: number;
    skipped: { category: string; reason: string; rows: number }[];
  }[];
  /** How region and country rows were made. */
  sums: string;
}

export interface StoreIndicator {
  id: string;
  /** The data/tables/ file its rows were read from (`cead_drugs_comuna_monthly.csv.gz`). */
  file?: string;
  /** The table's category its rows carry (`Microtráfico de sustancias`), where the table has several. */
  category?: string;
  /** The grade its table's spec gives every row (the data package's A, B, C). */
  confidence?: string;
  resolution: 'month' | 'year';
  source: string;
  /** First and last period held: `2010-01`, `2025-12` (monthly) or `2010`, `2026` (yearly). */
  first: string;
  last: string;
}
