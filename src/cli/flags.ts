/**
 * Commander declarations of the flags the commands share (validation happens in options.ts). Repeated
 * list flags accumulate: `--by region --by plan` equals `--by region,plan`.
 */
import { Option, type Command } from 'commander';
import { METRICS, ROLE_DEFS, ROLES } from '../model/metrics.js';
import { LAYOUT_NAMES } from '../io/layout.js';

export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Column and reading flags: which columns, which file format details. */
export function addInputFlags(cmd: Command): Command {
  // said once, on the first: every column flag's column is found from the header when not given
  ROLES.forEach((role, i) => cmd.option(`--${role} <column>`, `${ROLE_DEFS[role].help}${i === 0 ? '; found from the header when not given' : ''}`));
  return cmd
    .option('--scale <metric=lo-hi>', 'answer scale of a column, e.g. ces=1-5 (repeatable)', collect)
    .option('--band <metric=lo-hi>', 'answers that count as satisfied/agree, e.g. csat=4-5 (repeatable)', collect)
    .option('--delimiter <char>', 'CSV delimiter: , ; tab | (detected when not given)')
    .option('--encoding <name>', 'utf8, utf16le, utf16be or windows-1252 (detected when not given)')
    .option('--sheet <name|n>', 'the sheet of an .xlsx workbook, by name or position from 1 (default: the first visible sheet)')
    .option('--entry <name>', 'the export inside a .zip archive, by its name (default: the one export, or all of them when they share columns)')
    .option('--layout <name>', `the export's layout: ${LAYOUT_NAMES.join(', ')} (detected when not given)`)
    .option('--include-previews', 'keep Qualtrics survey previews, tests and spam (left out by default)')
    .option('--include-partials', 'keep partial responses (Typeform partial or not submitted; left out by default) — unfinished Qualtrics and Formbricks answers are kept already')
    .option('--config <file>', 'a JSON config file with column mapping, scales, methods, segment order')
    .option('--threads <n>', 'threads for large CSV files (default: all cores)')
    .option('--max-groups <n>', 'most groups (segments, × periods) a run may make (default: 1,000,000)');
}

/** Statistics flags: metrics, level, methods, low base, multiple-comparison adjustment. */
export function addStatsFlags(cmd: Command): Command {
  return cmd
    .option('--metric <list>', `${METRICS.join(', ')} (default: every metric whose column is found)`, collect)
    .option('--level <x>', 'confidence level, e.g. 0.95 or 95', undefined)
    .option('--method <spec>', 'interval methods, e.g. nps=score,csat=jeffreys (repeatable)', collect)
    .option('--seed <n>', 'seed of the random draws: --method nps=bootstrap and the draws of rank (default 1)')
    .option('--resamples <n>', 'bootstrap resamples (default 2000)')
    .option('--min-n <n>', 'rows with fewer answers are low base: shown, flagged, not tested (default 30)')
    .option('--adjust <method>', 'p-value adjustment across a table: bh, holm or none (default bh)')
    .option('--adjust-across <scope>', 'table (one family per table and metric, the default) or all (one family over every test the command prints)');
}

/** Output flags; `formats` describes the command's --format choices. */
export function addOutputFlags(cmd: Command, formats = 'table, json, csv or markdown (default table)'): Command {
  return cmd
    .option('--format <format>', formats)
    .option('-o, --output <file>', 'write to a file (atomically; its directory is created when missing) instead of standard output; - is standard output')
    .option('--no-mkdir', 'with -o: refuse a missing output directory instead of creating it')
    .option('--strict', 'exit 2 when any row has an invalid value')
    .option('--quiet', 'no summary of rows read on standard error')
    .option('--no-color', 'no colour in tables (also: NO_COLOR)')
    .option('--no-progress', 'no progress bar on standard error');
}

/** Date flags: which column holds the response time, and the calendar to bucket it in. */
export function addDateFlags(cmd: Command): Command {
  return cmd
    .option('--date <column>', 'the date column (found from the header when not given: submitted_at, RecordedDate, Timestamp…)')
    .option('--date-format <layout>', 'how the dates are written, when the values do not say: mdy (1/14/2026), dmy (14/01/2026), ymd, iso, unix, unix-ms (default: decided from the values)')
    .option('--tz <zone>', 'time zone of the calendar days, e.g. Europe/Berlin (default UTC); dates without a zone are read as its local time')
    .option('--week-start <day>', 'monday (ISO weeks, the default) or sunday');
}

/**
 * Enrichment flags, shared by every command that reads responses: filters, weights, a joined customer
 * file, per-entity roll-ups and comment tags. `rowsOnly` (followup's list) declares the flags that
 * choose and widen rows (--where, --join, --on, --tags) and keeps --weight, --variance, --per and
 * --per-rule out of the help, so that the command can refuse them by name; it has its own --since/--until.
 */
export function addEnrichFlags(cmd: Command, options: { comment?: boolean; rowsOnly?: boolean } = {}): Command {
  const scoring = (flags: string, description: string) => cmd.addOption(new Option(flags, description).hideHelp(options.rowsOnly === true));
  cmd.option('--where <expr>', 'keep rows where EXPR holds, e.g. "plan in (Pro, Business) and channel != sms" (repeatable: all must hold)', collect);
  if (!options.rowsOnly) {
    cmd
      .option('--duplicates <rule>', 'a response id seen more than once (several files, or within one with this flag): last (default with several files), first, error or keep')
      .option('--id <column>', 'the response id column for --duplicates (found from the header when not given: ResponseId, Response ID, response_id…)');
    cmd
      .option('--since <date>', 'first day kept, by the date column: 2026-01-05, or a period 2026-W02, 2026-01, 2026-Q1, 2026')
      .option('--until <date>', 'last day kept (included), same forms as --since');
  }
  scoring('--weight <column>', 'weight each response by this column (e.g. revenue); intervals use Kish\'s effective n');
  scoring('--variance <kind>', 'weighted NPS intervals: kish (effective n, the default) or linearized');
  scoring('--cluster <column>', 'customer or account id: cluster-robust standard errors when one customer answered several times');
  cmd
    .option('--join <file>', `a customer file (CSV/JSON) joined onto the responses (left join); its columns work in ${options.rowsOnly ? '--by, --where, --contact, --id' : '--by, --where, --weight, --per'}`)
    .option('--on <column[=column]>', 'the key of --join: the response column, and the join file\'s when it is named differently');
  scoring('--per <column>', 'one score per value of this column (e.g. account) before scoring: account-level NPS');
  scoring('--per-rule <rule>', 'how an entity\'s answers become one: mean (rounded half up, the default), min or latest');
  cmd.option('--tags <file>', `comment tag rules (JSON: {"billing": ["invoice", "/charg(e|ed)/i"]}); ${options.rowsOnly ? 'lists each row\'s tags and adds "tag" to --where' : 'adds the column "tag"'}`);
  // a command with its own --comment (report's comment sample) reads the same column for --tags
  if (options.comment !== false) cmd.option('--comment <column>', 'the comment column that --tags reads (found from the header when not given)');
  return cmd;
}

/** Tally flags: read tally files instead of responses, or write the Tallies instead of results. */
export function addTallyFlags(cmd: Command, emit = true): Command {
  cmd.option('--tallies', 'the files are tally files (from --emit tallies or cxm sql), merged by addition');
  if (emit) cmd.option('--emit <what>', 'tallies: write the Tallies (CSV or JSON) instead of the results');
  return cmd;
}

/**
 * The flags of a command that scores responses or tally files (score, crosstab, trend, compare,
 * check), in the order the help lists them. `emit: false` leaves out --emit tallies; `formats`
 * describes the command's --format choices.
 */
export function addScoringFlags(cmd: Command, options: { emit?: boolean; formats?: string } = {}): Command {
  addEnrichFlags(cmd);
  addDateFlags(cmd);
  addInputFlags(cmd);
  addTallyFlags(cmd, options.emit ?? true);
  addStatsFlags(cmd);
  return addOutputFlags(cmd, options.formats);
}
