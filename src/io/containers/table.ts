/**
 * What a sheet, a Parquet file or an SPSS file gives the reader: rows of cell texts, each with the
 * line it is named by in messages (the sheet's row number; the row's number from 1 otherwise).
 * Read again from the top for each pass, like a file.
 */

export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  /** the name in messages: `book.xlsx[Sheet1]` */
  name: string;
  format: 'xlsx' | 'parquet' | 'sav';
  rows(): AsyncGenerator<TableRow>;
  /** per column, a question text the file itself carries (SPSS variable labels), else none */
  labels?: string[];
}
