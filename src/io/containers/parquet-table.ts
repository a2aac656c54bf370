/**
 * A Parquet file as a table, on hyparquet (pure JavaScript, no dependencies of its own; loaded only
 * for a Parquet file): the column names are the header, then each row group is read in turn, so memory
 * holds one row group. Values become the text a CSV export of them would hold: numbers as written,
 * 64-bit integers exactly, booleans `true`/`false`, DATE as `2026-01-05`, timestamps as ISO 8601 UTC
 * (`2026-01-05T14:46:41.000Z`), null as blank. A row's line in messages is its number + 1 (the header
 * is line 1), as in a CSV of the file.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from 'hyparquet';
import { InputError } from '../../model/errors.js';
import type { ByteSource } from './byte-source.js';
import type { Table, TableRow } from './table.js';

export async function openParquet(bytes: ByteSource, name: string): Promise<Table> {
  const file: AsyncBuffer = {
    byteLength: bytes.size,
    slice(start, end) {
      const b = bytes.read(start, (end ?? bytes.size) - start);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
    },
  };
  const damaged = (error: unknown) => new InputError(`not a readable Parquet file (${(error as Error).message})`, { file: name });
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw damaged(error);
  }
  const fields = parquetSchema(metadata).children.map((c) => c.element);
  const header = fields.map((f) => f.name);
  const isDate = fields.map((f) => f.logical_type?.type === 'DATE' || f.converted_type === 'DATE');
  async function* rows(): AsyncGenerator<TableRow> {
    yield { line: 1, cells: header };
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      let data: unknown[][] = [];
      try {
        await parquetRead({ file, metadata, rowStart: start, rowEnd: end, onComplete: (rows: unknown[][]) => (data = rows) });
      } catch (error) {
        throw damaged(error);
      }
      for (let i = 0; i < data.length; i++) yield { line: start + i + 2, cells: data[i].map((v, c) => cellText(v, isDate[c])) };
      start = end;
    }
  }
  return { name, format: 'parquet', rows };
}

function cellText(v: unknown, date: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : date ? v.toISOString().slice(0, 10) : v.toISOString();
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x));
}
