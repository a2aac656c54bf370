/**
 * Reading one tally file (model/tally-file.ts, docs/tallies.md) — CSV, JSON or NDJSON, as cxm or a
 * warehouse wrote it — through the same reader as exports, into its meta and counting rows. A tally file
 * is machine-made, so any row that does not fit the format is an error with its line, never skipped:
 * a dropped row would be a count silently lost.
 */
import { ROLES, type Role } from '../model/metrics.js';
import * as z from 'zod/mini';
import { InputError } from '../model/errors.js';
import { IssueLog } from '../model/issues.js';
import { INPUT_KINDS, PATTERN_KIND, TALLY_COLUMNS, TALLY_FORMAT, TALLY_VERSION, type CountKind, type TallyMeta } from '../model/tally-file.js';
import { parsePatternText, patternCount, rowsByPattern } from '../model/row-pattern.js';
import type { Encoding } from './decode.js';
import { openSource, readSource } from './read-source.js';
import { unguard } from './values.js';

/** The input row counts of a tally file (the fields of the fold's counts). */
export type InputCounts = Record<keyof typeof INPUT_KINDS, number>;

/** One counting row: a group's answers on one point, or its skipped or invalid answers. */
export interface CountRow {
  line: number;
  /** group values in the order of meta.dimensions */
  key: string[];
  metric: string;
  kind: CountKind;
  /** the scale point of an `answers` row */
  point: number | null;
  count: number;
  weightSum: number;
  weightSqSum: number;
}

export interface TallyFile {
  file: string;
  meta: TallyMeta;
  counts: InputCounts;
  rows: CountRow[];
  /** rows per answer pattern of meta.roles (model/row-pattern.ts); null in a version 1 file */
  patterns: number[] | null;
}

export interface ReadTallyOptions {
  delimiter?: string;
  encoding?: Encoding;
  stdin?: NodeJS.ReadableStream;
}

const BLANK_SEGMENT = '(blank)';

/** Throws the InputError of a tally file that does not fit the format, at `line` when given. */
type Fail = (message: string, line?: number) => never;

const scaleSchema = z.object({ lo: z.int(), hi: z.int() });
const metaSchema = z.object({
  format: z.literal(TALLY_FORMAT),
  version: z.int(),
  dimensions: z.array(z.string()),
  roles: z.array(
    z.object({
      metric: z.enum(ROLES as unknown as [Role, ...Role[]]),
      column: z.string(),
      scale: scaleSchema,
      band: scaleSchema,
      via: z.optional(z.string()),
      question: z.optional(z.string()),
    }),
  ),
  period: z.optional(
    z.nullable(
      z.object({
        every: z.enum(['day', 'week', 'month', 'quarter', 'year']),
        weekStart: z.enum(['monday', 'sunday']),
        timeZone: z.string(),
        date: z.string(),
        formats: z.array(z.string()),
        since: z.optional(z.nullable(z.string())),
        until: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  sources: z.array(
    z.object({
      file: z.string(),
      layout: z.optional(z.string()),
      layoutEvidence: z.optional(z.string()),
      headerRows: z.optional(z.int()),
      dataLine: z.optional(z.int()),
      notes: z.optional(z.array(z.string())),
      notAnswered: z.optional(z.string()),
    }),
  ),
  issues: z.optional(
    z.object({
      counts: z.array(z.tuple([z.string(), z.number()])),
      kept: z.array(z.object({ code: z.string(), file: z.string(), line: z.number(), column: z.optional(z.string()), value: z.optional(z.string()), message: z.string() })),
    }),
  ),
  weight: z.optional(z.string()),
  where: z.optional(z.array(z.string())),
  dates: z.optional(z.object({ column: z.string(), since: z.nullable(z.string()), until: z.nullable(z.string()) })),
});

export async function readTallyFile(arg: string, options: ReadTallyOptions = {}): Promise<TallyFile> {
  const source = await openSource(arg, { ...options, layout: 'generic' });
  const file = source.input.name;
  const fail = (message: string, line?: number, hint?: string): never => {
    throw new InputError(message, line === undefined ? { file } : { file, line }, hint);
  };
  const lower = source.header.map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(TALLY_COLUMNS.map((c) => [c, lower.indexOf(c)])) as Record<(typeof TALLY_COLUMNS)[number], number>;
  const missing = TALLY_COLUMNS.filter((c) => at[c] === -1);
  if (missing.length > 0) {
    fail(`not a tally file: no column ${missing.map((m) => JSON.stringify(m)).join(', ')}`, undefined, 'tally files come from --emit tallies or cxm sql (docs/tallies.md)');
  }
  const groupColumns = source.header.map((h, i) => ({ name: h.trim(), index: i })).filter((c) => !(TALLY_COLUMNS as readonly string[]).includes(lower[c.index]));

  let metaText: string | null = null;
  let metaLine = 0;
  const counts: InputCounts = { rows: 0, used: 0, skipped: 0, invalid: 0, excluded: 0 };
  const seenInput = new Set<string>();
  const rows: CountRow[] = [];
  const patternRows: { line: number; text: string; count: number }[] = [];
  // a row this version does not know is reported after the meta row is read: a newer version says so first
  let unknownKind: { line: number; kind: string } | null = null;
  const inputKinds = new Map(Object.entries(INPUT_KINDS).map(([field, kind]) => [kind as string, field as keyof InputCounts]));
  const issues = new IssueLog();
  await readSource(
    source,
    {
      record(record) {
        const text = (i: number) => record.text(i).trim();
        const kind = text(at.kind).toLowerCase();
        if (kind === 'meta') {
          if (metaText !== null) fail(`a second meta row (the first is on line ${metaLine})`, record.line);
          metaText = record.text(at.meta);
          metaLine = record.line;
          return;
        }
        const field = inputKinds.get(kind);
        if (field) {
          if (seenInput.has(kind)) fail(`a second ${kind} row`, record.line);
          seenInput.add(kind);
          counts[field] = wholeNumber(text(at.count), 'count', record.line, fail);
          return;
        }
        if (kind === PATTERN_KIND) {
          patternRows.push({ line: record.line, text: text(at.metric), count: wholeNumber(text(at.count), 'count', record.line, fail) });
          return;
        }
        if (kind !== 'answers' && kind !== 'skipped' && kind !== 'invalid') {
          unknownKind ??= { line: record.line, kind: record.text(at.kind) };
          return;
        }
        const count = wholeNumber(text(at.count), 'count', record.line, fail);
        let point: number | null = null;
        if (kind === 'answers') {
          point = Number(text(at.point));
          if (text(at.point) === '' || !Number.isInteger(point)) fail(`point ${JSON.stringify(text(at.point))} is not a whole number`, record.line);
        }
        rows.push({
          line: record.line,
          key: groupColumns.map((c) => unguard(text(c.index)) || BLANK_SEGMENT),
          metric: text(at.metric).toLowerCase(),
          kind: kind as CountKind,
          point,
          count,
          weightSum: kind === 'answers' ? weightNumber(text(at.weight_sum), count, 'weight_sum', record.line, fail) : 0,
          weightSqSum: kind === 'answers' ? weightNumber(text(at.weight_sq_sum), count, 'weight_sq_sum', record.line, fail) : 0,
        });
      },
      unreadable: (line, message) => fail(message, line),
      excluded: (line) => fail('row left out by a layout rule', line),
    },
    issues,
  );
  // ragged rows, text after a closing quote, NUL bytes: a machine-made file with any of them is damaged
  const damage = issues.kept[0];
  if (damage) fail(damage.message, damage.line);
  if (metaText === null) fail('no meta row (kind "meta"): not a complete tally file', undefined, 'tally files come from --emit tallies or cxm sql (docs/tallies.md)');
  // a warehouse query counts rows by kind and leaves the total (and kinds no row had) out
  if (!seenInput.has(INPUT_KINDS.rows)) counts.rows = counts.used + counts.skipped + counts.invalid + counts.excluded;

  const meta = parseMeta(metaText!, metaLine, fail);
  const unknown = unknownKind as { line: number; kind: string } | null;
  if (unknown) fail(`kind ${JSON.stringify(unknown.kind)} is not a tally row (answers, skipped, invalid, input-…, meta)`, unknown.line);
  const patterns = readPatterns(meta, counts, patternRows, fail);
  const names = groupColumns.map((c) => c.name);
  if (names.length !== meta.dimensions.length || meta.dimensions.some((d) => !names.includes(d))) {
    fail(`the group columns (${names.map((n) => JSON.stringify(n)).join(', ') || 'none'}) are not the meta row's dimensions (${meta.dimensions.map((n) => JSON.stringify(n)).join(', ') || 'none'})`);
  }
  const order = meta.dimensions.map((d) => names.indexOf(d));
  for (const row of rows) row.key = order.map((i) => row.key[i]);
  return { file, meta, counts, rows, patterns };
}

/**
 * The input-pattern rows of a version 2 file as counts per pattern (null for version 1), checked to
 * add up to the rows used, skipped and invalid (invalid rows also count the rows invalid as a whole).
 */
function readPatterns(meta: TallyMeta, counts: InputCounts, found: { line: number; text: string; count: number }[], fail: Fail): number[] | null {
  if (meta.version < TALLY_VERSION) {
    if (found.length > 0) fail(`input-pattern rows in a version ${meta.version} file (they came with version ${TALLY_VERSION})`, found[0].line);
    return null;
  }
  const metrics = meta.roles.map((r) => r.metric);
  const patterns = new Array<number>(patternCount(metrics.length)).fill(0);
  const lines = new Map<number, number>();
  for (const row of found) {
    const p = parsePatternText(row.text, metrics);
    if (typeof p === 'string') fail(`input-pattern ${JSON.stringify(row.text)}: ${p}`, row.line);
    const pattern = p as number;
    if (lines.has(pattern)) fail(`a second input-pattern row for ${JSON.stringify(row.text)} (the first is on line ${lines.get(pattern)})`, row.line);
    lines.set(pattern, row.line);
    patterns[pattern] = row.count;
  }
  const rows = rowsByPattern(patterns, metrics.map((_, r) => r));
  if (rows.used !== counts.used || rows.skipped !== counts.skipped || rows.invalid > counts.invalid) {
    fail(`the input-pattern rows (${rows.used} used, ${rows.skipped} skipped, ${rows.invalid} invalid) do not add up to the input rows (${counts.used} used, ${counts.skipped} skipped, ${counts.invalid} invalid)`);
  }
  return patterns;
}

function parseMeta(text: string, line: number, fail: Fail): TallyMeta {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail('the meta row does not hold a JSON object', line);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > TALLY_VERSION) fail(`tally format version ${version} is newer than this cxm reads (${TALLY_VERSION}); upgrade cxm`, line);
  const parsed = metaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`meta ${issue.path.map(String).join('.') || 'row'}: ${issue.message}`, line);
  }
  const m = parsed.data!;
  return {
    format: TALLY_FORMAT,
    version: m.version,
    dimensions: m.dimensions,
    roles: m.roles.map((r) => ({ metric: r.metric, column: r.column, scale: r.scale, band: r.band, via: r.via ?? 'tallies', ...(r.question !== undefined ? { question: r.question } : {}) })),
    period: m.period ? { ...m.period, since: m.period.since ?? null, until: m.period.until ?? null } : null,
    sources: m.sources.map((s) => ({
      file: s.file,
      layout: s.layout ?? 'generic',
      layoutEvidence: s.layoutEvidence ?? '',
      headerRows: s.headerRows ?? 1,
      dataLine: s.dataLine ?? 2,
      notes: s.notes ?? [],
      ...(s.notAnswered !== undefined ? { notAnswered: s.notAnswered } : {}),
    })),
    ...(m.issues ? { issues: m.issues as TallyMeta['issues'] } : {}),
    ...(m.weight !== undefined ? { weight: m.weight } : {}),
    ...(m.where !== undefined ? { where: m.where } : {}),
    ...(m.dates !== undefined ? { dates: m.dates } : {}),
  };
}

/** A count or weight as an engine writes a number (`12`, `12.0`, `1.2e3`): not hex or binary, as Number() would read. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function wholeNumber(text: string, what: string, line: number, fail: Fail): number {
  const n = Number(text);
  if (!DECIMAL.test(text) || !Number.isInteger(n) || n < 0) fail(`${what} ${JSON.stringify(text)} is not a whole number`, line);
  return n;
}

function weightNumber(text: string, fallback: number, what: string, line: number, fail: Fail): number {
  if (text === '') return fallback;
  const n = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(n) || n < 0) fail(`${what} ${JSON.stringify(text)} is not a non-negative number`, line);
  return n;
}
