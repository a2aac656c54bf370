#!/usr/bin/env node
// Reading a workbook's first sheet and nothing else, to compare with scoring it: `ours` is cxm's own
// reader (src/io/containers: unzip, XML tokenizer, cells to text), `exceljs` and `sheetjs` are the
// candidate libraries (when bench/run.mjs could install them outside the project). Prints rows read.
// Usage: node bench/xlsx-read.mjs ours|exceljs|sheetjs FILE.xlsx
import { createRequire } from 'node:module';
import { importTs } from './lib.mjs';

const [which, file] = process.argv.slice(2);
let rows = 0;
if (which === 'ours') {
  const { openInput } = await importTs('src/io/input.ts');
  const { openContainer } = await importTs('src/io/containers/open-container.ts');
  const [opened] = await openContainer(await openInput(file), {});
  for await (const _ of opened.table.rows()) rows++;
} else if (which === 'exceljs') {
  const ExcelJS = createRequire(`${process.env.CXM_BENCH_LIBS}/`)('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const _ of sheet) rows++;
    break;
  }
} else if (which === 'sheetjs') {
  const XLSX = createRequire(`${process.env.CXM_BENCH_LIBS}/`)('@e965/xlsx');
  const book = XLSX.readFile(file, { dense: true, cellDates: true });
  rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 }).length;
} else throw new Error(`unknown reader ${which}`);
console.log(rows);
