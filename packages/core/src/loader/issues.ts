// Validation problems as contributors need them: file:row:column, what was expected, what was found, a hint.

export interface DataIssue {
  /** Path relative to the package (data/observations/mt0.csv). */
  file: string;
  /** 1-based line in the file (the header is line 1 of a CSV); absent for whole-file problems. */
  row?: number;
  /** Column name (CSV) or field path (YAML: name.es). */
  column?: string;
  message: string;
  hint?: string;
  /** For checks whose real-data findings may be listed in data/known-issues.yaml: the rule… */
  rule?: KnownIssueRule;
  /** …and the record it concerns. */
  record?: string;
}

/** Checks whose findings on real records can wait for a correction, listed in data/known-issues.yaml. */
export const KNOWN_ISSUE_RULES = ['qualifier-quote', 'period-after-publication'] as const;
export type KnownIssueRule = (typeof KNOWN_ISSUE_RULES)[number];

/** `data/observations/mt0.csv:14:value: expected a number, got "2.681" (use 2681 without separators)` */
export function formatIssue(issue: DataIssue): string {
  const where = [issue.file, issue.row, issue.column].filter((p) => p !== undefined && p !== '').join(':');
  return `${where}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}

/** Thrown by the build when the data does not validate; carries every issue, not just the first. */
export class DataValidationError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(
      `${issues.length} data problem${issues.length === 1 ? '' : 's'}:\n${issues.map(formatIssue).join('\n')}`,
    );
    this.name = 'DataValidationError';
  }
}

/** Short, quoted rendering of a found value for messages. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const cut = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return typeof value === 'string' ? `"${cut}"` : cut;
}
