/**
 * A human view of a result: sections of rows of already-formatted cells, with marks that each
 * renderer shows in its own way (colour in a terminal, symbols in Markdown). Commands build views;
 * renderers only lay them out.
 */

export type Mark = 'up' | 'down' | 'low' | 'total' | 'muted';

export interface Cell {
  text: string;
  mark?: Mark;
  /** more lines under the text, in the same cell (a cross-tab cell's n and interval) */
  lines?: string[];
}

export interface Column {
  label: string;
  align?: 'left' | 'right';
}

export interface Section {
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** lines printed right after the table (a trend's sparkline) */
  footer?: string[];
}

export interface View {
  sections: Section[];
  /** legend and notes printed after the sections */
  notes: string[];
}

export function cell(text: string, mark?: Mark): Cell {
  return mark ? { text, mark } : { text };
}
