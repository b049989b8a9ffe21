// The `@example` of every public function in the core runs as a test: its code is evaluated with the
// module's exports (and the compiled dataset) in scope, and the result must match what the comment
// shows, where "…" stands for any digits or fields left out. So an example can never drift from the code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, PACKAGE_ROOT } from '../scripts/paths.js';
import { loadDataset } from './loader/load.js';
import { compare } from './metrics/compare.js';
import { placeIndex } from './places/index.js';
import { intervalFor } from './qualifiers/policy.js';
import { rebuildRelease } from './releases/manifest.js';
import { type ReleaseManifest, type ReleaseRecords, releaseManifestSchema } from './releases/schema.js';
import { select } from './select/index.js';

const SRC = new URL('.', import.meta.url).pathname;
const dataset = loadDataset(DATA_DIR).dataset;

// The named inputs of the releases examples: the kept manifests (m010 is release 0.1.0), and two sets of
// records, `a` (0.1.0) and `b` (the same with the 2020 arrests corrected from 2,681 to 2,682).
const RELEASES = join(PACKAGE_ROOT, 'releases');
const manifests: ReleaseManifest[] = readdirSync(RELEASES)
  .filter((n) => n.endsWith('.json'))
  .map((n) => releaseManifestSchema.parse(JSON.parse(readFileSync(join(RELEASES, n), 'utf8'))));
const m010 = manifests.find((m) => m.version === '0.1.0');
const a: ReleaseRecords = await rebuildRelease(manifests, '0.1.0');
const b: ReleaseRecords = {
  ...a,
  observations: a.observations.map((o) =>
    o.id === 'mt0.arrests:CL:2020:pdi.via.insightcrime.2022'
      ? { ...o, value: 2682, low: 2682, high: 2682 }
      : o,
  ),
};
// The places examples' `index`: the dataset's places, indexed once.
const fixtures = { m010, manifests, a, b, before: a, after: b, index: placeIndex(dataset?.geos ?? []) };

/** Public sources: every .ts under src but tests and the loader (build-time only, not an API). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'loader' || e.name === 'test-utils' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

interface Example {
  file: string;
  code: string;
  shown: string;
}

/** The examples of a file: `@example code // shown`, the code and the shown result each over lines. */
export function examplesOf(file: string, text: string): Example[] {
  const out: Example[] = [];
  for (const block of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const lines = (block[1] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    let current: string[] | undefined;
    const flush = () => {
      if (!current) return;
      const joined = current.join('\n');
      const at = joined.search(/(^|\s)\/\/ /);
      if (at !== -1)
        out.push({
          file,
          code: joined.slice(0, at).trim(),
          shown: joined
            .slice(at)
            .split('\n')
            .map((l) => l.replace(/^\s*\/\/ ?/, ''))
            .join(' ')
            .trim(),
        });
      current = undefined;
    };
    for (const line of lines) {
      if (line.startsWith('@example')) {
        flush();
        current = [line.slice('@example'.length).trim()];
      } else if (line.startsWith('@')) flush();
      else if (current) current.push(line);
    }
    flush();
  }
  return out;
}

/** A value printed the way examples show values: strings quoted, objects as `{ k: v }`. */
function show(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number') return Object.is(x, -0) ? '0' : String(x);
  if (x === null || x === undefined || typeof x === 'boolean') return String(x);
  if (Array.isArray(x)) return `[${x.map(show).join(', ')}]`;
  if (x instanceof Set) return `Set(${show([...x])})`;
  const entries = Object.entries(x as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return entries.length ? `{ ${entries.map(([k, v]) => `${k}: ${show(v)}`).join(', ')} }` : '{}';
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?…?/g;

/** Whether a number as computed agrees with a number as shown: "12.8181…" leaves digits out, "0.33" rounds. */
function sameNumber(actual: string, shown: string): boolean {
  if (shown.endsWith('…')) {
    const head = shown.slice(0, -1);
    if (actual.startsWith(head)) return true;
    const d = head.split('.')[1]?.length ?? 0;
    return Number(actual).toFixed(d) === head;
  }
  if (actual === shown) return true;
  // Float arithmetic: −9.999999999999996 is the −10 an example shows.
  if (Math.abs(Number(actual) - Number(shown)) <= 1e-9 * Math.max(1, Math.abs(Number(shown)))) return true;
  const d = shown.split('.')[1]?.length ?? 0;
  return !shown.includes('e') && Number(actual).toFixed(d) === shown && d > 0;
}

/**
 * Whether a printed value matches what an example shows: a lone "…" stands for anything left out,
 * quotes may be single or double, and a shown number may be cut ("12.8181…") or rounded ("0.33").
 */
export function matches(actual: string, shown: string): boolean {
  const norm = (s: string) => s.replace(/'/g, '"').replace(/\s+/g, ' ').trim();
  const text = norm(shown);
  const numbers = [...text.matchAll(NUMBER)].map((m) => m[0]);
  const pattern = text
    .split(NUMBER)
    .map((part) => escapeRegExp(part).replaceAll('…', '.*?'))
    .join('(-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?)');
  const m = new RegExp(`^${pattern}$`).exec(norm(actual));
  return m !== null && numbers.every((n, i) => sameNumber(m[i + 1] ?? '', n));
}

/** What an example shows, with any closing remark in parentheses dropped: "12.8181… (+62 % …)". */
function withoutRemark(shown: string): string {
  return shown.replace(/\s+\([^()]*(\([^()]*\)[^()]*)*\)$/, '');
}

const files = sources(SRC);
const all = files.flatMap((f) => examplesOf(relative(SRC, f), readFileSync(f, 'utf8')));

describe('@example blocks in the core', () => {
  it('are found in the public sources', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all.map((e) => [`${e.file}: ${e.code.slice(0, 70)}`, e] as const))('%s', async (_name, e) => {
    const mod = (await import(join(SRC, e.file))) as Record<string, unknown>;
    // Helpers examples may use beside the module's own exports.
    const scope: Record<string, unknown> = { dataset, select, intervalFor, compare, ...fixtures, ...mod };
    const names = Object.keys(scope).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
    // Async, so that an example may `await` (the releases hash with Web Crypto).
    const AsyncFunction = (async () => {}).constructor as new (
      ...args: string[]
    ) => (...a: unknown[]) => Promise<unknown>;
    const run = new AsyncFunction(...names, `return (${e.code.replace(/;\s*$/, '')});`);
    const value = await run(...names.map((n) => scope[n]));
    const actual = show(value);
    // A string may be shown as its literal in single quotes, unescaped: '{"a":1}'.
    const literal = typeof value === 'string' ? `'${value}'` : undefined;
    const ok = [actual, literal].some(
      (x) => x !== undefined && (matches(x, e.shown) || matches(x, withoutRemark(e.shown))),
    );
    expect(ok, `shown: ${e.shown}\nactual: ${actual}`).toBe(true);
  });
});

describe('matches(), the reading of a shown result', () => {
  it('accepts cut and rounded numbers and "…" for what an example leaves out', () => {
    expect(matches('{ value: 12.818092792591806, low: 12.8, high: 13 }', '{ value: 12.8181…, … }')).toBe(
      true,
    );
    expect(matches('0.3333333333333333', '0.33')).toBe(true);
    expect(matches('"CL-RM"', "'CL-RM'")).toBe(true);
  });

  it('refuses a result that differs from the one shown, as compare’s old example did', () => {
    expect(matches('{ value: 62.00004139762378 }', '{ value: 61.999… }')).toBe(false);
    expect(matches('893.6666666666666', '893.67')).toBe(true);
    expect(matches('893.6666666666666', '893.6')).toBe(false);
    expect(
      matches('"Enforcement outputs: seizures"', '"Enforcement outputs rose faster than outcomes: …"'),
    ).toBe(false);
  });
});
