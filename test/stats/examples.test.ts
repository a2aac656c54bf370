// Every `@example` in src/stats is executed and its `// => value` asserted, to the precision
// the example shows. Example values were checked against R / scipy / statsmodels / hand
// calculation when written (see the comment after each value).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as stats from '../../src/stats/index.js';

const directory = fileURLToPath(new URL('../../src/stats/', import.meta.url));
const files = readdirSync(directory).filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'types.ts');

interface Example {
  file: string;
  expression: string;
  expected: string;
}

const examples: Example[] = files.flatMap((file) => {
  const lines = readFileSync(directory + file, 'utf8').split('\n');
  const found: Example[] = [];
  lines.forEach((line, index) => {
    if (!line.includes('@example')) return;
    const match = /^\s*\*\s*(.+?);\s*\/\/\s*=>\s*(\[[^\]]*\]|[^\s(]+)/.exec(lines[index + 1] ?? '');
    if (!match) throw new Error(`${file}: @example without "expression; // => value"`);
    found.push({ file, expression: match[1], expected: match[2] });
  });
  return found;
});

const names = Object.keys(stats);
const values = Object.values(stats);
const evaluate = (expression: string): unknown =>
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function(...names, `return (${expression});`)(...values) as unknown;

/** Half a unit in the last shown decimal, at least a few ulps (1e-15 relative). */
function tolerance(text: string, value: number): number {
  const decimals = /\.(\d+)/.exec(text.replace(/e[-+]?\d+$/i, ''))?.[1].length ?? 0;
  const exponent = Number(/e([-+]?\d+)$/i.exec(text)?.[1] ?? 0);
  return Math.max(0.5 * 10 ** (exponent - decimals), 1e-15 * Math.abs(value));
}

function assertValue(actual: unknown, expectedText: string): void {
  if (expectedText.startsWith('[')) {
    const expected = JSON.parse(expectedText) as (number | null)[];
    const list = actual as (number | null)[];
    expect(list).toHaveLength(expected.length);
    expected.forEach((item, i) => assertValue(list[i], item === null ? 'null' : String(item)));
    return;
  }
  if (expectedText === 'null') {
    expect(actual).toBeNull();
    return;
  }
  const expected = Number(expectedText);
  expect(Number.isNaN(expected), `cannot parse ${expectedText}`).toBe(false);
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance(expectedText, expected));
}

describe('@example values', () => {
  it('every function file has an example', () => {
    const withExample = new Set(examples.map((example) => example.file));
    expect(files.filter((file) => !withExample.has(file))).toEqual([]);
    expect(examples.length).toBeGreaterThanOrEqual(files.length);
  });
  it.each(examples)('$file: $expression', ({ expression, expected }) => {
    assertValue(evaluate(expression), expected);
  });
});
