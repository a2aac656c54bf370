// A small XLSX writer for fixtures, by hand on zip-writer.mjs: what Excel writes for the cells cxm
// reads (ECMA-376 SpreadsheetML). A cell is a string (shared), a number, a boolean, null (no cell),
// or an object: { inline: text } (an inline string), { date: ms since 1970 UTC } (a date serial with a
// date style), { formula: 'A1+1', value: 3 } (a cached result), { error: '#N/A' }.
import { zip } from './zip-writer.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '_x000D_');
const col = (i) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const DAY = 86_400_000;

/**
 * @param {{ sheets: { name: string, rows: (unknown[] | null)[], state?: 'hidden' | 'veryHidden', merges?: string[] }[], date1904?: boolean, prefix?: string, parts?: Record<string, string> }} book
 *   rows: a null row is left out of the XML (an empty row); `prefix` writes element names as `x:row` (some
 *   writers do); `parts` replaces parts by name (the hostile tests' damaged workbooks)
 */
export function xlsx(book) {
  const strings = [];
  const index = new Map();
  const shared = (s) => {
    if (!index.has(s)) {
      index.set(s, strings.length);
      strings.push(s);
    }
    return index.get(s);
  };
  const epoch = book.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const p = book.prefix ? `${book.prefix}:` : '';
  const ns = book.prefix ? `xmlns:${book.prefix}` : 'xmlns';
  const sheetXml = (sheet) => {
    const rows = [];
    sheet.rows.forEach((row, r) => {
      if (row === null) return;
      const cells = row.map((v, c) => {
        const ref = `${col(c)}${r + 1}`;
        if (v === null || v === undefined) return '';
        if (typeof v === 'number') return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
        if (typeof v === 'boolean') return `<${p}c r="${ref}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
        if (typeof v === 'string') return `<${p}c r="${ref}" t="s"><${p}v>${shared(v)}</${p}v></${p}c>`;
        if ('inline' in v) return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(v.inline)}</${p}t></${p}is></${p}c>`;
        if ('date' in v) return `<${p}c r="${ref}" s="1"><${p}v>${(v.date - epoch) / DAY}</${p}v></${p}c>`;
        if ('formula' in v) {
          const t = typeof v.value === 'string' ? ' t="str"' : '';
          return `<${p}c r="${ref}"${t}><${p}f>${esc(v.formula)}</${p}f><${p}v>${esc(v.value)}</${p}v></${p}c>`;
        }
        if ('error' in v) return `<${p}c r="${ref}" t="e"><${p}v>${esc(v.error)}</${p}v></${p}c>`;
        throw new Error(`cell ${ref}: ${JSON.stringify(v)}`);
      });
      rows.push(`<${p}row r="${r + 1}">${cells.join('')}</${p}row>`);
    });
    const merges = sheet.merges?.length ? `<${p}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${rows.join('')}</${p}sheetData>${merges}</${p}worksheet>`;
  };
  const sheets = book.sheets.map(sheetXml);
  const rel = (id, type, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${p}workbookPr${book.date1904 ? ' date1904="1"' : ''}/><${p}sheets>${book.sheets.map((s, i) => `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</${p}sheets></${p}workbook>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('')}${rel('rIdS', 'sharedStrings', 'sharedStrings.xml')}${rel('rIdT', 'styles', 'styles.xml')}</Relationships>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="m/d/yy\\ h:mm:ss"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`;
  const parts = [
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
    { name: 'xl/styles.xml', data: styles },
    ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
    { name: 'xl/sharedStrings.xml', data: sst },
  ];
  return zip(parts.map((part) => ({ ...part, data: book.parts?.[part.name] ?? part.data })));
}

/** RFC 4180 records of a CSV text (BOM dropped): the fixtures' CSVs, to write as sheets. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  text = text.replace(/^\uFEFF/, '');
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
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
