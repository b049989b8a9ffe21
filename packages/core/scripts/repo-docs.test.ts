// The docs name only what exists: every `pnpm <script>` in README.md, CONTRIBUTING.md and the packages'
// READMEs is a script of the package it runs in, and every repository path they name (in backticks or as
// a link) is in the repository. It lives in core, the package the data docs point at; the root has no
// test runner by design (turbo.json feeds these files to this task's cache key).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './paths.js';

const ROOT = join(PACKAGE_ROOT, '..', '..');
const PACKAGES = ['packages/core', 'packages/store', 'apps/api', 'apps/widget'];
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...PACKAGES.map((p) => `${p}/README.md`),
  'packages/core/data/tables/README.md',
].filter((f) => existsSync(join(ROOT, f)));
/** Folders builds and test runs write (gitignored): a path into one is checked up to the folder. */
const OUTPUTS = new Set(['dist', 'dist-worker', 'test-results', 'generated', 'node_modules', '.wrangler']);
/** pnpm's own commands. */
const BUILTINS = new Set([
  'install',
  'i',
  'add',
  'exec',
  'dlx',
  'why',
  'update',
  'remove',
  'pack',
  'publish',
  'store',
]);

const pkgJson = (dir: string) =>
  JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
    name: string;
    scripts?: Record<string, string>;
    exports?: Record<string, unknown>;
  };
const byName = new Map(PACKAGES.map((p) => [pkgJson(p).name, p]));

/** Problems with the `pnpm …` commands of one doc. */
function commandProblems(doc: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?<![\w@/-])pnpm\s+(?:(?:--filter|-F)\s+(\S+)\s+)?(?:run\s+)?([a-z][\w:-]*)/g,
  )) {
    const [, filter, script = ''] = m;
    if (!filter && BUILTINS.has(script)) continue;
    const dir = filter ? byName.get(filter) : '.';
    if (dir === undefined) {
      out.push(`${doc}: pnpm --filter ${filter}: no such workspace package`);
      continue;
    }
    if (!pkgJson(dir).scripts?.[script])
      out.push(
        `${doc}: "pnpm ${filter ? `--filter ${filter} ` : ''}${script}": no script "${script}" in ${join(dir, 'package.json')}`,
      );
  }
  return out;
}

/** Does a path exist from one of the bases, allowing placeholders (<name>, {a,b}), globs and build outputs? */
function exists(path: string, bases: string[]): boolean {
  const cut = path.search(/[<{*…]/);
  const fixed = cut === -1 ? path : path.slice(0, cut);
  const segments = fixed.split('/');
  const outputAt = segments.findIndex((s) => OUTPUTS.has(s));
  const checked =
    outputAt !== -1
      ? segments.slice(0, outputAt).join('/')
      : cut === -1
        ? fixed
        : fixed.slice(0, fixed.lastIndexOf('/') + 1);
  return bases.some((b) => {
    const full = join(b, checked);
    if (!existsSync(full)) return false;
    if (cut !== -1 && path[cut] === '*' && outputAt === -1) {
      const pattern = new RegExp(
        `^${path
          .slice(fixed.lastIndexOf('/') + 1)
          .replace(/\./g, '\\.')
          .replace(/\*/g, '.*')}$`,
      );
      return readdirSync(full).some((n) => pattern.test(n));
    }
    return true;
  });
}

/** Problems with the repository paths one doc names. */
function pathProblems(doc: string, text: string): string[] {
  const docDir = dirname(join(ROOT, doc));
  let pkgDir = docDir;
  while (!existsSync(join(pkgDir, 'package.json')) && pkgDir.startsWith(ROOT)) pkgDir = dirname(pkgDir);
  const bases = [docDir, ROOT, pkgDir];
  const out: string[] = [];
  const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  for (const link of links) {
    if (/^(https?:|mailto:|#)/.test(link)) continue;
    const path = link.split('#')[0] ?? '';
    if (!existsSync(join(docDir, path))) out.push(`${doc}: link (${link}) points at nothing`);
  }
  for (const span of spans) {
    // A repository path: relative, with a folder, no spaces outside <placeholders>, not a URL, route,
    // MIME type, period (2015/2019) or package specifier.
    const bare = span.replace(/<[^>]*>/g, '<x>');
    if (!/^[A-Za-z.][\w.<>{}*,…-]*(\/[\w.<>{}*,…-]*)+$/.test(bare)) continue;
    if (/^(text|application|image)\//.test(span)) continue;
    if (/^@/.test(span)) {
      const [scope, name, ...rest] = span.split('/');
      const dir = byName.get(`${scope}/${name}`);
      if (!dir) continue; // a package from the registry
      const exportsMap = pkgJson(dir).exports;
      const sub = rest.length ? `./${rest.join('/')}` : '.';
      if (exportsMap && !(sub in exportsMap))
        out.push(`${doc}: \`${span}\`: ${scope}/${name} exports no "${sub}"`);
      continue;
    }
    if (!exists(span, bases))
      out.push(
        `${doc}: \`${span}\` is not in the repository (looked from ${bases.map((b) => relative(ROOT, b) || '.').join(', ')})`,
      );
  }
  return out;
}

describe('the docs', () => {
  it('name only pnpm scripts that exist', () => {
    const problems = DOCS.flatMap((d) => commandProblems(d, readFileSync(join(ROOT, d), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('name only repository paths that exist', () => {
    const problems = DOCS.flatMap((d) => pathProblems(d, readFileSync(join(ROOT, d), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('catch a missing script and a missing file (the checks can fail)', () => {
    expect(commandProblems('x.md', 'run `pnpm data:lint` then `pnpm --filter @mt0/api tets`')).toEqual([
      'x.md: "pnpm data:lint": no script "data:lint" in package.json',
      'x.md: "pnpm --filter @mt0/api tets": no script "tets" in apps/api/package.json',
    ]);
    expect(
      pathProblems('README.md', 'see `packages/core/data/nothing.yaml` and [this](docs/none.md)'),
    ).toEqual([
      'README.md: link (docs/none.md) points at nothing',
      'README.md: `packages/core/data/nothing.yaml` is not in the repository (looked from ., ., .)',
    ]);
  });
});
