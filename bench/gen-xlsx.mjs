#!/usr/bin/env node
// The benchmark export as an XLSX workbook, and as a CSV of the same 20 columns: bench/gen.mjs's 9
// columns (submitted_at as a date cell; scores as number cells; text as shared strings) and 11 rating
// questions q1..q11 (1-5, from the row number, deterministic). The sheet XML is deflated as it is
// written, so a 1M-row workbook is made without holding its XML.
// Usage: node bench/gen-xlsx.mjs IN.csv OUT.xlsx OUT-20-columns.csv
import fs from 'node:fs';
import zlib from 'node:zlib';
import { zip } from '../scripts/zip-writer.mjs';

const [input, out, outCsv] = process.argv.slice(2);
if (!outCsv) {
  console.error('usage: node bench/gen-xlsx.mjs IN.csv OUT.xlsx OUT-20-columns.csv');
  process.exit(2);
}

/** The records of a CSV text, one at a time (RFC 4180). */
function* records(text) {
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      yield row;
      row = [];
      field = '';
    } else field += c;
  }
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);
const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const EPOCH = Date.UTC(1899, 11, 30);
const strings = [];
const index = new Map();
const shared = (s) => {
  let i = index.get(s);
  if (i === undefined) {
    i = strings.length;
    index.set(s, i);
    strings.push(s);
  }
  return i;
};

/** Deflates what is written to it, counting size and CRC: a zip entry made piece by piece. */
function deflater() {
  const z = zlib.createDeflateRaw({ level: 6 });
  const parts = [];
  let crc = 0;
  let size = 0;
  z.on('data', (d) => parts.push(d));
  return {
    write(text) {
      const b = Buffer.from(text, 'utf8');
      crc = zlib.crc32(b, crc);
      size += b.length;
      return new Promise((resolve) => (z.write(b) ? resolve() : z.once('drain', resolve)));
    },
    end: () =>
      new Promise((resolve) => {
        z.on('end', () => resolve({ packed: Buffer.concat(parts), crc, size }));
        z.end();
      }),
  };
}

const text = fs.readFileSync(input, 'utf8');
const it = records(text);
const header = [...it.next().value, ...Array.from({ length: 11 }, (_, i) => `q${i + 1}`)];
const sheet = deflater();
const csv = fs.openSync(outCsv, 'w');
fs.writeSync(csv, `${header.join(',')}\n`);
await sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
let xml = `<row r="1">${header.map((h, c) => `<c r="${col(c)}1" t="s"><v>${shared(h)}</v></c>`).join('')}</row>`;
let csvBuf = '';
let r = 1;
const numeric = new Set([5, 6, 7]);
for (const rec of it) {
  r++;
  const cells = [...rec, ...Array.from({ length: 11 }, (_, i) => String(1 + ((r * 7 + i * 13 + ((r * (i + 3)) >> 2)) % 5)))];
  xml += `<row r="${r}">`;
  cells.forEach((v, c) => {
    if (v === '') return;
    const ref = `${col(c)}${r}`;
    if (c === 1) xml += `<c r="${ref}" s="1"><v>${(Date.parse(v) - EPOCH) / 86_400_000}</v></c>`;
    else if (numeric.has(c) || c >= 9) xml += `<c r="${ref}"><v>${v}</v></c>`;
    else xml += `<c r="${ref}" t="s"><v>${shared(v)}</v></c>`;
  });
  xml += '</row>';
  csvBuf += `${cells.map(csvCell).join(',')}\n`;
  if (xml.length > 1 << 20) {
    await sheet.write(xml);
    xml = '';
    fs.writeSync(csv, csvBuf);
    csvBuf = '';
  }
}
await sheet.write(`${xml}</sheetData></worksheet>`);
fs.writeSync(csv, csvBuf);
fs.closeSync(csv);
const sheetEntry = await sheet.end();

const rel = (id, type, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
const sst = deflater();
await sst.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${strings.length}">`);
for (let i = 0; i < strings.length; i += 10_000) await sst.write(strings.slice(i, i + 10_000).map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join(''));
await sst.write('</sst>');
fs.writeFileSync(
  out,
  zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>' },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>` },
    { name: 'xl/workbook.xml', data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>' },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'sharedStrings', 'sharedStrings.xml')}${rel('rId3', 'styles', 'styles.xml')}</Relationships>` },
    { name: 'xl/styles.xml', data: '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>' },
    { name: 'xl/worksheets/sheet1.xml', deflated: sheetEntry },
    { name: 'xl/sharedStrings.xml', deflated: await sst.end() },
  ]),
);
