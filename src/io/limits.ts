/**
 * The reader's limits, in one place. cxm reads files nobody checked, in cron and CI: each limit keeps
 * memory bounded on hostile input and turns it into a one-line error (exit 2) naming the file and the
 * line, instead of a crash or a machine out of memory. docs/security.md lists them.
 */

const MiB = 1024 * 1024;

/**
 * Longest CSV record (one response: a line, or several when quoted fields hold line breaks), its line
 * break included (also for a last line without one), and so longest field. A survey answer is a few
 * kilobytes at most; a record past this is an unclosed quote running on through the file, or not a CSV
 * file.
 */
export const MAX_RECORD_BYTES = 16 * MiB;

/** Most fields in a CSV record or columns in a JSON file: Excel's column limit, 16,384. */
export const MAX_COLUMNS = 16_384;

/** Deepest nesting of JSON arrays and objects. */
export const MAX_JSON_DEPTH = 1000;

/** Longest JSON response (an element of the array, or an NDJSON line), in characters. */
export const MAX_JSON_RECORD_CHARS = 16 * MiB;

/**
 * How far into a file the reader looks for its header rows and first records (the preview); more
 * than one longest record, so a header at the record limit still fits.
 */
export const MAX_HEAD_BYTES = 2 * MAX_RECORD_BYTES;

/**
 * Most groups a run may make (segments, × periods for trend and report), by default; `--max-groups N`
 * changes it. Each group holds its Tallies and, in the results, its estimates and rendered row: a
 * column with a distinct value per response made one group per row, until a stack overflow or V8
 * running out of memory. Past the limit the run stops early, naming the column.
 */
export const MAX_GROUPS = 1_000_000;

/** Largest `--config` or `--tags` file: read whole, so bounded (a 2 GB file took 4.2 GB of memory). */
export const MAX_SETTINGS_FILE_BYTES = 16 * MiB;

/**
 * Range of a non-zero weight (`--weight`). Weights are relative, so nothing real is lost; inside it the
 * sums the statistics need (Σw, Σw², (Σw)²) stay finite and non-zero for any number of rows, where two
 * weights of 1e154 (each squarable alone) overflowed Σw² into NaN intervals.
 */
export const MAX_WEIGHT = 1e100;
export const MIN_WEIGHT = 1e-100;

/** `16 MiB`, `16,384` in messages. */
export function formatLimit(value: number, unit: 'bytes' | 'count'): string {
  if (unit === 'bytes' && value % (1024 * MiB) === 0) return `${value / (1024 * MiB)} GiB`;
  if (unit === 'bytes') return value % MiB === 0 ? `${value / MiB} MiB` : `${Math.ceil(value / 1024)} KiB`;
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Archives and workbooks (zip, gzip, XLSX). A zip bomb or an XML bomb is bytes that unpack into far
 * more: the reader counts what it unpacks (never trusting the sizes an archive declares) and stops at
 * these. A real export unpacks to a few hundred MiB at most, at ratios of 5-50 to 1 (text) and up to
 * about 100 to 1 (a sheet's XML, which repeats its markup in every cell).
 */
export const MAX_UNPACKED_BYTES = 8 * 1024 * MiB;
/** Unpacked bytes per packed byte, checked once an entry or stream has unpacked more than RATIO_FREE_BYTES. */
export const MAX_UNPACK_RATIO = 1000;
export const RATIO_FREE_BYTES = 64 * MiB;
/** Entries in a zip archive (a download holds a handful; an XLSX a few dozen parts). */
export const MAX_ZIP_ENTRIES = 10_000;
/** An archive read from standard input is held in memory (a zip needs its end first): up to this. */
export const MAX_ARCHIVE_IN_MEMORY = 1024 * MiB;
/** The parts of a workbook read whole (workbook, relationships, styles), each. */
export const MAX_WORKBOOK_PART_BYTES = 64 * MiB;
/** The shared-strings table of a workbook, held in memory: its unpacked XML. */
export const MAX_SHARED_STRINGS_BYTES = 1024 * MiB;
/** Nesting of XML elements in a workbook part. */
export const MAX_XML_DEPTH = 64;
/** Rows of a sheet, Excel's own limit. */
export const MAX_SHEET_ROWS = 1_048_576;
