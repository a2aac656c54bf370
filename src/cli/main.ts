/**
 * The command-line program and its single exit point: every error becomes one line on stderr and an
 * exit code (0 ok, 1 a check failed, 2 usage or input error, 3 internal error with "please report").
 */
import { Command, CommanderError } from 'commander';
import { formatPlace, isCxmError, type CxmError } from '../model/errors.js';
import { removePendingTemporaryFiles } from '../io/write-output.js';
import { safeTerminalText } from '../report/format.js';
import { defineCheck } from './commands/check.js';
import { defineCompare } from './commands/compare.js';
import { defineCrosstab } from './commands/crosstab.js';
import { defineDrivers } from './commands/drivers.js';
import { defineRank } from './commands/rank.js';
import { definePlan } from './commands/plan.js';
import { defineFollowup } from './commands/followup.js';
import { defineInspect } from './commands/inspect.js';
import { defineReport } from './commands/report.js';
import { defineScore } from './commands/score.js';
import { defineSql } from './commands/sql.js';
import { defineTrend } from './commands/trend.js';
import { processIo, type CliIo } from './io.js';
import { version } from '../api/version.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('cxm')
    .description('Customer-experience analytics: NPS, CSAT and CES with confidence intervals, segments, cross-tabs and trends')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // errors are printed once, by run()
    });
  program.addHelpText('after', '\nExit codes: 0 ok, 1 a check failed, 2 usage or input error, 3 internal error.\nRun `cxm <command> --help` for a command\'s options.');
  defineScore(program, io);
  defineCrosstab(program, io);
  defineTrend(program, io);
  defineCompare(program, io);
  defineDrivers(program, io);
  defineRank(program, io);
  definePlan(program, io);
  defineCheck(program, io);
  defineReport(program, io);
  defineFollowup(program, io);
  defineInspect(program, io);
  defineSql(program, io);
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });
  }
  return program;
}

/** Runs cxm with `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return report(error, io);
  }
}

/** Error lines carry data (file names, values, column names): one line, no control characters. */
const line = (text: string): string => `${safeTerminalText(text)}\n`;

function report(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    const message = error.message.replace(/^error:\s*/, '').replace(/\n[\s\S]*$/, '');
    // commander's suggestion for a typo ("(Did you mean --level?)") becomes the hint
    const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
    io.stderr.write(line(`cxm: ${message}`));
    io.stderr.write(suggestion ? line(`hint: did you mean ${suggestion}?`) : 'hint: run `cxm --help` or `cxm <command> --help`\n');
    return 2;
  }
  if (isCxmError(error)) {
    const e = error as CxmError;
    const place = 'place' in e ? formatPlace(e.place) : '';
    io.stderr.write(line(`cxm: ${place}${e.message}`));
    // a hint may have lines of its own (a caret under a position): kept, each made safe
    if (e.hint) io.stderr.write(`hint: ${e.hint.split('\n').map(line).join('')}`);
    return e.exitCode;
  }
  io.stderr.write(internalError(error, io.env));
  return 3;
}

/**
 * A bug: one line with the version and "please report" (exit 3); the stack only with CXM_DEBUG=1.
 * Some errors (a stack overflow, out of memory) may also come from hostile input cxm failed to bound.
 */
export function internalError(error: unknown, env: Record<string, string | undefined>): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = line(`cxm: internal error: ${message} (cxm ${version()}; please report this, with the command you ran)`);
  const stack = env.CXM_DEBUG && env.CXM_DEBUG !== '0' && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return text + stack;
}

/**
 * The process around `run`: a closed stdout pipe (`cxm … | head`) ends quietly with exit 0 (see
 * `processIo`), a closed stderr is ignored; Ctrl-C (SIGINT), SIGTERM and SIGHUP remove any half-written output file and exit
 * 128 + the signal's number: 130, 143, 129 (worker threads end with the process); an error escaping `run` (a bug in a callback) is an
 * internal error, exit 3, still in one line.
 */
export async function main(): Promise<void> {
  const fatal = (error: unknown) => {
    removePendingTemporaryFiles();
    try {
      process.stderr.write(internalError(error, process.env));
    } finally {
      process.exit(3);
    }
  };
  process.stderr.on('error', () => undefined); // nowhere left to say anything
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      removePendingTemporaryFiles();
      process.exit(code);
    });
  }
  // for tests that send signals: a handshake instead of a guess at how long Node takes to start
  if (process.env.CXM_TEST_READY === '1') process.stderr.write('ready\n');
  process.exitCode = await run(process.argv.slice(2));
}
