// `pnpm data:diff <git-ref> [--data folder]`: the records added, changed and removed in data/ since a git
// ref (HEAD, HEAD~1, main, a tag), as a markdown table to paste into a pull request. The data at the ref
// is read with `git archive`, so nothing in the work tree is touched.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { formatIssue, loadDataset } from '../src/loader/index.js';
import { recordsOf } from '../src/releases/manifest.js';
import { renderDataDiff } from '../src/releases/markdown.js';
import { DATA_DIR } from './paths.js';

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const dataDir = dataAt === -1 ? DATA_DIR : resolve(args[dataAt + 1] ?? '');
const ref = args.find((a, i) => !a.startsWith('--') && (dataAt === -1 || i !== dataAt + 1));
if (!ref) fail('usage: pnpm data:diff <git-ref> (for example HEAD, HEAD~1 or main)');

const git = (argv: string[], cwd: string) =>
  execFileSync('git', argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
let top: string;
try {
  top = git(['rev-parse', '--show-toplevel'], dataDir).toString().trim();
} catch {
  fail(`${dataDir} is not inside a git repository`);
}
try {
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
} catch {
  fail(`unknown git ref "${ref}" (try HEAD, HEAD~1, a branch or a tag)`);
}
const inRepo = relative(top, dataDir).split('\\').join('/');
const scratch = mkdtempSync(join(tmpdir(), 'mt0-data-diff-'));
try {
  let tar: Buffer;
  try {
    tar = git(['archive', '--format=tar', ref, '--', inRepo], top);
  } catch {
    fail(`${inRepo} does not exist at ${ref}`);
  }
  execFileSync('tar', ['-x', '-C', scratch], { input: tar });
  const oldDir = join(scratch, inRepo);
  if (!existsSync(oldDir)) fail(`${inRepo} does not exist at ${ref}`);
  const before = loadDataset(oldDir);
  const after = loadDataset(dataDir);
  if (!after.dataset) {
    for (const i of after.issues) console.error(formatIssue(i));
    fail(
      `the data in the work tree does not validate (${after.issues.length} problems): run pnpm data:check`,
    );
  }
  if (!before.dataset)
    fail(
      `the data at ${ref} does not validate with today's checks (${before.issues.length} problems), so it cannot be compared record by record`,
    );
  process.stdout.write(
    renderDataDiff(recordsOf(before.dataset), recordsOf(after.dataset), { from: ref, to: 'working tree' }),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
