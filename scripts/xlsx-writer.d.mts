// Types of xlsx-writer.mjs, for the tests that import it.

export type Cell = string | number | boolean | null | { inline: string } | { date: number } | { formula: string; value: string | number } | { error: string };
export interface SheetSpec {
  name: string;
  rows: (Cell[] | null)[];
  state?: 'hidden' | 'veryHidden';
  merges?: string[];
}
export function xlsx(book: { sheets: SheetSpec[]; date1904?: boolean; prefix?: string; parts?: Record<string, string> }): Buffer;
export function parseCsv(text: string): string[][];
