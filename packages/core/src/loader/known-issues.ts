// data/known-issues.yaml: real records a check flags and that a correction in a coming release will
// fix, each with why. Their problems are set aside as `allowed`; the list may only shrink.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type LoadContext, readYamlFile, type YamlRecord } from './context.js';
import { type DataIssue, KNOWN_ISSUE_RULES } from './issues.js';

const knownIssueSchema = z
  .object({
    record: z.string().min(1),
    rule: z.enum(KNOWN_ISSUE_RULES),
    why: z.string().min(1),
  })
  .strict();

/**
 * data/known-issues.yaml: real records a check flags and that a correction will fix, each with why.
 * Their problems move from `issues` to `allowed`; an entry that matches no problem is itself a problem
 * (the record was fixed: remove the entry), so the list can only shrink.
 */
export function applyKnownIssues(ctx: LoadContext): DataIssue[] {
  if (!existsSync(join(ctx.root, 'known-issues.yaml'))) return [];
  const entries = readYamlFile(ctx, 'known-issues.yaml', knownIssueSchema);
  const allowed: DataIssue[] = [];
  const used = new Set<YamlRecord<z.infer<typeof knownIssueSchema>>>();
  ctx.issues = ctx.issues.filter((issue) => {
    const entry = entries.find((e) => e.record.record === issue.record && e.record.rule === issue.rule);
    if (!entry) return true;
    used.add(entry);
    allowed.push(issue);
    return false;
  });
  for (const e of entries)
    if (!used.has(e))
      ctx.issues.push({
        file: e.file,
        row: e.line,
        column: 'record',
        message: `no ${e.record.rule} problem left for "${e.record.record}"`,
        hint: 'the record passes now (or its id changed): remove this entry',
      });
  return allowed;
}
