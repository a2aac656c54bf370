/**
 * The library's options are the commands' long flags: the option tables of src/api/api-options.ts
 * against the flags commander declares for each command (output flags aside), and the conversion of
 * option values into flag values, with the errors a caller gets for a wrong key or value.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { COMMAND_OPTIONS, fileList, flagValues, OUTPUT_FLAGS } from '../../src/api/api-options.js';
import { buildProgram } from '../../src/cli/main.js';
import { UsageError } from '../../src/model/errors.js';

const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]), env: {} };

describe('option tables', () => {
  const program = buildProgram(io);
  for (const command of program.commands) {
    it(`${command.name()}: every flag but the output ones is an option, and nothing else`, () => {
      const flags = [...new Set(command.options.map((o) => o.attributeName()))].filter((k) => !(OUTPUT_FLAGS as readonly string[]).includes(k));
      const table = COMMAND_OPTIONS[command.name() as keyof typeof COMMAND_OPTIONS];
      expect(table, `no option table for ${command.name()}`).toBeDefined();
      expect(Object.keys(table).sort()).toEqual(flags.sort());
    });
  }

  it('readTallies takes score\'s options and trend\'s --every', () => {
    const score = Object.keys(COMMAND_OPTIONS.score);
    expect(Object.keys(COMMAND_OPTIONS.tallies).sort()).toEqual([...score, 'every'].sort());
  });

  it('each switch, list and value kind matches how commander reads the flag', () => {
    for (const command of program.commands) {
      const table: Record<string, string> = COMMAND_OPTIONS[command.name() as keyof typeof COMMAND_OPTIONS];
      for (const option of command.options) {
        const key = option.attributeName();
        if (!(key in table)) continue;
        const repeatable = option.variadic || option.parseArg !== undefined;
        const kind = table[key];
        if (option.negate) expect(kind, `${command.name()} --no-${key}`).toBe('list-or-false');
        else if (!option.required && !option.optional) expect(kind, `${command.name()} ${option.long}`).toBe('flag');
        else if (repeatable) expect(['list', 'list-or-false'], `${command.name()} ${option.long}`).toContain(kind);
        else expect(['text', 'number'], `${command.name()} ${option.long}`).toContain(kind);
      }
    }
  });
});

describe('flagValues', () => {
  it('turns numbers into their text, single strings of a list into a list, false switches into absent flags', () => {
    expect(flagValues('score', { by: 'region', metric: ['nps', 'csat'], level: 0.9, minN: 0, strict: false, includePreviews: true })).toEqual({
      by: ['region'],
      metric: ['nps', 'csat'],
      level: '0.9',
      minN: '0',
      includePreviews: true,
    });
    expect(flagValues('followup', { contact: false })).toEqual({ contact: false });
    expect(flagValues('score', undefined)).toEqual({});
  });

  it('refuses an unknown key, naming the function', () => {
    expect(() => flagValues('score', { byy: ['region'] })).toThrow(UsageError);
    expect(() => flagValues('score', { byy: ['region'] })).toThrow('score() has no option "byy"');
    expect(() => flagValues('score', { 'min-n': 10 })).toThrow(UsageError);
  });

  it('refuses the output flags, pointing at render()', () => {
    for (const key of OUTPUT_FLAGS) {
      let error: unknown;
      try {
        flagValues('crosstab', { [key]: key === 'color' || key === 'ci' || key === 'quiet' ? true : 'json' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(`${key} is an output option, not an option of crosstab()`);
    }
  });

  it('refuses a value of the wrong type, naming the option and its flag', () => {
    expect(() => flagValues('score', { level: [0.9] })).toThrow('option level (--level) takes a number (got a list)');
    expect(() => flagValues('score', { minN: Number.NaN })).toThrow('option minN (--min-n) takes a finite number (got NaN)');
    expect(() => flagValues('score', { by: [1, 2] })).toThrow('option by (--by) takes a string or a list of strings (got a list)');
    expect(() => flagValues('score', { strict: 'yes' })).toThrow('option strict (--strict) takes true or false (got "yes")');
    expect(() => flagValues('score', { nps: 7 })).toThrow('option nps (--nps) takes a string (got 7)');
    expect(() => flagValues('score', ['region'])).toThrow('the options of score() must be an object');
  });
});

describe('fileList', () => {
  it('takes a list of names, and refuses one name given bare (it would be read letter by letter)', () => {
    expect(fileList('score', ['a.csv', '-'])).toEqual(['a.csv', '-']);
    expect(() => fileList('score', 'a.csv')).toThrow('score() takes the input files first, as a list of names (got "a.csv")');
    expect(() => fileList('tallies', [1])).toThrow('readTallies() takes the input files first');
    expect(() => fileList('trend', undefined)).toThrow(UsageError);
  });
});
