// Reads a YAML list of records and keeps, for every field, the line it is on, so that a schema
// problem at `[3].name.es` can be reported as file:line:name.es.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface YamlRecords {
  items: { value: unknown; line: number; lineOf(path: readonly PropertyKey[]): number }[];
  errors: { line: number; message: string }[];
}

function nodeLine(node: Node | null | undefined, counter: LineCounter, fallback: number): number {
  const start = node?.range?.[0];
  return start === undefined ? fallback : counter.linePos(start).line;
}

/** Parses a YAML document whose top level is one record (a map). */
export function parseYamlObject(text: string): {
  value: unknown;
  errors: { line: number; message: string }[];
} {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({
    line: e.linePos?.[0]?.line ?? 1,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  return { value: errors.length ? undefined : doc.toJSON(), errors };
}

/** Parses a YAML document whose top level is a list of records. */
export function parseYamlList(text: string): YamlRecords {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({
    line: e.linePos?.[0]?.line ?? 1,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  if (errors.length > 0) return { items: [], errors };
  const root = doc.contents;
  if (root === null) return { items: [], errors: [] };
  if (!isSeq(root))
    return {
      items: [],
      errors: [{ line: 1, message: 'expected a list of records (lines starting with "- ")' }],
    };
  const items = root.items.map((item) => {
    const line = nodeLine(item as Node, counter, 1);
    return {
      value: (item as Node & { toJSON(): unknown }).toJSON(),
      line,
      lineOf(path: readonly PropertyKey[]): number {
        let node: unknown = item;
        let at = line;
        for (const key of path) {
          if (isMap(node)) {
            const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
            if (!pair) return at;
            at = nodeLine(pair.key as Node, counter, at);
            node = pair.value;
          } else if (isSeq(node) && typeof key === 'number') {
            node = node.items[key];
            at = nodeLine(node as Node, counter, at);
          } else return at;
        }
        return at;
      },
    };
  });
  return { items, errors: [] };
}
