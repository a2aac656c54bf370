/**
 * How `cxm inspect` looks: per file, what was read (layout, encoding, rows), the columns with their
 * roles, and the issues; CSV gives the column list, one row per file and column.
 */
import { ROLE_DEFS, roleKind, roleName } from '../model/metrics.js';
import type { InspectColumn, InspectFile, InspectResult } from '../analysis/inspect.js';
import { layoutTitle } from '../io/layout.js';
import { formatCount } from './format.js';
import type { CsvValue } from './render-csv.js';
import { warningText } from './summary.js';
import { cell, type Section, type View } from './view.js';

const ENCODING_NAMES: Record<string, string> = { utf8: 'UTF-8', utf16le: 'UTF-16LE', utf16be: 'UTF-16BE', 'windows-1252': 'Windows-1252' };
const ENCODING_BY: Record<string, string> = {
  bom: 'by its byte-order mark',
  utf8: 'valid UTF-8',
  'nul-bytes': 'by its NUL bytes, no byte-order mark',
  fallback: 'not valid UTF-8, so Windows-1252',
  declared: '--encoding',
};
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const EXCLUDED_NAMES: Record<string, [string, string]> = {
  preview: ['survey preview', 'survey previews'],
  test: ['survey test', 'survey tests'],
  spam: ['spam', 'spam'],
  partial: ['partial response', 'partial responses'],
  unanswered: ['not answered', 'not answered'],
};

const SAMPLE_CHARS = 20;
const SAMPLES_SHOWN = 3;
const NAME_CHARS = 28;
const LABEL_CHARS = 36;

function short(text: string, max = SAMPLE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function rowsText(f: Pick<InspectFile, 'rows'>): string {
  const r = f.rows;
  const parts = [`${formatCount(r.used)} used`, `${formatCount(r.skipped)} skipped (no answer)`, `${formatCount(r.invalid)} invalid`, `${formatCount(r.excluded)} excluded`];
  return `${formatCount(r.rows)} read: ${parts.join(', ')}`;
}

function roleText(c: InspectColumn): string {
  // a yes/no column named like NPS: the recommend % (scored when its role is wanted), never an NPS
  if (c.role === 'yes-no' || (c.role === 'score' && ROLE_DEFS[c.metric!].fixedScale)) return `recommend (yes/no)${c.notUsed ? '? not used' : ''}`;
  if (c.role !== 'score') return c.role;
  return c.notUsed ? `${roleName(c.metric!)}? not used` : `${roleName(c.metric!)} score`;
}

const FORMAT_NAMES: Record<string, string> = { json: 'JSON', ndjson: 'NDJSON', xlsx: 'XLSX workbook', parquet: 'Parquet', sav: 'SPSS .sav' };
const TABLE_FORMATS = new Set(['xlsx', 'parquet', 'sav']);
const CONTAINER_NAMES: Record<string, string> = { gzip: 'gzip', zip: 'zip archive', xlsx: 'XLSX workbook' };
const SHEET_STATES: Record<string, string> = { hidden: ' (hidden)', veryHidden: ' (very hidden)' };

/** The container, entry and sheet lines: how the export was found, and what else the archive or workbook holds. */
function containerRows(f: InspectFile): [string, string][] {
  const c = f.container;
  if (!c) return [];
  const rows: [string, string][] = [['container', c.kinds.map((k) => CONTAINER_NAMES[k] ?? k).join(' → ')]];
  if (c.entry !== undefined) {
    const others = (c.entries ?? []).filter((e) => e !== c.entry);
    rows.push(['entry', others.length ? `${c.entry} (the archive also holds ${others.join(', ')})` : c.entry]);
  }
  if (c.sheet !== undefined) {
    const sheets = (c.sheets ?? []).map((s, i) => `${i + 1} ${s.name}${SHEET_STATES[s.state] ?? ''}`).join(', ');
    rows.push(['sheet', `${c.sheet} (sheets: ${sheets}; --sheet NAME|N reads another)`]);
  }
  return rows;
}

function aboutSection(f: InspectFile): Section {
  const encoding = `${ENCODING_NAMES[f.encoding.name] ?? f.encoding.name}${f.encoding.bom ? ' with BOM' : ''} (${ENCODING_BY[f.encoding.by] ?? f.encoding.by})`;
  const format = f.format === 'csv' ? `CSV, ${DELIMITER_NAMES[f.delimiter ?? ','] ?? JSON.stringify(f.delimiter)}-separated` : (FORMAT_NAMES[f.format] ?? f.format);
  const rows: [string, string][] = [
    ['layout', `${f.layout === 'generic' ? 'generic' : `${f.layout} (${layoutTitle(f.layout)})`}: ${f.layoutEvidence}`],
    ...containerRows(f),
    ['format', format],
  ];
  if (!TABLE_FORMATS.has(f.format)) rows.push(['encoding', encoding]);
  if (f.format === 'csv') rows.push(['header rows', `${f.headerRows}, data from line ${f.dataLine}`]);
  if (TABLE_FORMATS.has(f.format)) rows.push(['header rows', `${f.headerRows}, data from row ${f.dataLine}`]);
  rows.push(['rows', rowsText(f)]);
  const left = Object.entries(f.excludedBy).map(([reason, n]) => `${formatCount(n)} ${EXCLUDED_NAMES[reason]?.[n === 1 ? 0 : 1] ?? reason}`);
  if (f.excludedBy.partial) left.push('--include-partials keeps the partial responses');
  if (left.length) rows.push(['left out', left.join(', ')]);
  if (f.unfinished) rows.push(['unfinished', `${formatCount(f.unfinished)} (kept: answered scores count)`]);
  const { ids, persons } = f.repeats;
  if (ids?.values) rows.push(['repeated ids', `${formatCount(ids.values)} ${JSON.stringify(ids.column)} value${ids.values === 1 ? '' : 's'} on more than one row (${formatCount(ids.extraRows)} extra row${ids.extraRows === 1 ? '' : 's'}; --duplicates counts each once)`]);
  if (persons) rows.push(['repeat respondents', `${formatCount(persons.values)} ${JSON.stringify(persons.column)} value${persons.values === 1 ? '' : 's'} answered more than once`]);
  if (f.clusterRepeats) rows.push(['cluster repeats', `${formatCount(f.clusterRepeats.several)} of ${formatCount(f.clusterRepeats.ids)} ${f.clusterRepeats.column} values answered more than once (${formatCount(f.clusterRepeats.answers)} answers)${f.clusterRepeats.several ? ': use --cluster ' + f.clusterRepeats.column : ''}`]);
  return { title: f.file, columns: [{ label: 'what' }, { label: 'cxm sees' }], rows: rows.map(([k, v]) => [cell(k), cell(v)]) };
}

function columnsSection(f: InspectFile): Section {
  return {
    title: `Columns of ${f.file}`,
    columns: [{ label: '#', align: 'right' }, { label: 'column' }, { label: 'question / label' }, { label: 'role' }, { label: 'scale / format' }, { label: 'answers seen' }, { label: 'first values' }],
    rows: f.columns.map((c) => {
      const mark = c.role === 'score' && !c.notUsed ? 'total' : c.role === 'other' ? 'muted' : undefined;
      const label = [c.label ? short(c.label, LABEL_CHARS) : '', c.timeZone ? `(dates in ${c.timeZone})` : ''].filter(Boolean).join(' ');
      const seen = c.role === 'score' && !c.notUsed ? (c.observed ? `${c.observed.min}-${c.observed.max}` : 'none') : '';
      return [
        cell(String(c.index)),
        cell(short(c.name, NAME_CHARS), mark),
        cell(label),
        cell(roleText(c), mark),
        cell(c.scale ? `${c.scale} (${c.metric && roleKind(c.metric) === 'nps' ? 'promoters' : 'top'} ${c.band})` : (c.dateFormats ?? []).join(', ')),
        cell(seen),
        cell(c.samples.slice(0, SAMPLES_SHOWN).map((s) => short(s)).join(' · ')),
      ];
    }),
  };
}

function issuesSection(f: InspectFile): Section {
  const rows = f.issues.length ? f.issues.map((w) => [cell(warningText({ ...w, file: w.line !== undefined ? w.file : undefined }))]) : [[cell('none found', 'muted')]];
  return { title: `Issues in ${f.file}`, columns: [{ label: 'issue' }], rows };
}

export function inspectView(result: InspectResult): View {
  return { sections: result.files.flatMap((f) => [aboutSection(f), columnsSection(f), issuesSection(f)]), notes: [] };
}

export const INSPECT_CSV_COLUMNS = ['file', 'layout', 'index', 'column', 'label', 'role', 'metric', 'scale', 'band', 'observed_min', 'observed_max', 'distinct', 'samples'];

export function inspectCsv(result: InspectResult): { columns: string[]; rows: CsvValue[][] } {
  const rows = result.files.flatMap((f) =>
    f.columns.map((c) => [f.file, f.layout, c.index, c.name, c.label, c.role, c.metric, c.scale, c.band, c.observed?.min, c.observed?.max, c.distinct, c.samples.join(' | ')]),
  );
  return { columns: INSPECT_CSV_COLUMNS, rows };
}
