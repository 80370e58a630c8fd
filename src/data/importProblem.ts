/**
 * An import problem and how it is worded, apart from the importers themselves so the page can
 * show problems without loading the parsers (they run in the import worker).
 */
export interface ImportProblem {
  row?: number;
  field: string;
  expected: string;
  got: string;
}

export function describeProblem(p: ImportProblem): string {
  return `${p.row !== undefined ? `row ${p.row}, ` : ''}${p.field}: expected ${p.expected}, got ${p.got}`;
}
