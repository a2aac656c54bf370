/**
 * Layouts: how many header rows an export has and what its column names are. `generic` is the plain
 * one-header-row file; platform layouts (multi-row headers) are detected from the first records.
 */

export interface Layout {
  name: string;
  /** records before the data that make up the header */
  headerRows: number;
  /** one name per column, unique and non-empty */
  header: string[];
}

export const LAYOUT_NAMES = ['generic'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** Picks the layout from the first records (`forced` is the user's --layout). */
export function detectLayout(first: string[][], forced?: string): Layout {
  void forced;
  return { name: 'generic', headerRows: 1, header: cleanHeader(first[0] ?? []) };
}

/**
 * Header names as users will type them: trimmed; an empty name becomes `column N` (a trailing empty
 * one is dropped by the caller); duplicates get ` (2)`, ` (3)`.
 */
export function cleanHeader(names: string[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  names.forEach((raw, i) => {
    let name = raw.replace(/^\uFEFF/, '').trim();
    if (name === '') name = `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    out.push(n === 1 ? name : `${name} (${n})`);
  });
  return out;
}
