/**
 * Terminal tables (cli-table3). Colour only when asked (a TTY without NO_COLOR): significant cells
 * green/red, low-base rows dimmed, totals bold. Data text has control characters stripped so a cell
 * cannot move the cursor or change the terminal.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { safeTerminalText } from './format.js';
import type { Cell, View } from './view.js';

/**
 * Rows a terminal table shows per section: cli-table3 lays a table out in quadratic time (10,000 rows
 * took 35 s, deaf to Ctrl-C), and nobody reads more on a terminal. CSV, JSON and Markdown keep every row.
 */
export const MAX_TABLE_ROWS = 1000;

export function renderTable(view: View, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  // a cell's extra lines (n, interval) stay plain when its first line is coloured for significance
  const quiet = (mark: Cell['mark']): Cell['mark'] => (mark === 'low' || mark === 'muted' ? mark : undefined);
  const paint = (c: Cell): string => [paintLine(safeTerminalText(c.text), c.mark), ...(c.lines ?? []).map((line) => paintLine(safeTerminalText(line), quiet(c.mark)))].join('\n');
  const paintLine = (text: string, mark: Cell['mark']): string => {
    switch (mark) {
      case 'up':
        return chalk.green(text);
      case 'down':
        return chalk.red(text);
      case 'low':
      case 'muted':
        return chalk.dim(text);
      case 'total':
        return chalk.bold(text);
      default:
        return text;
    }
  };
  const out: string[] = [];
  for (const section of view.sections) {
    const table = new Table({
      head: section.columns.map((c) => chalk.bold(safeTerminalText(c.label))),
      colAligns: section.columns.map((c) => c.align ?? 'left'),
      style: { head: [], border: [], compact: true },
    });
    for (const row of section.rows.slice(0, MAX_TABLE_ROWS)) table.push(row.map(paint));
    out.push(chalk.bold(safeTerminalText(section.title)), table.toString());
    const more = section.rows.length - MAX_TABLE_ROWS;
    if (more > 0) out.push(`… and ${more.toLocaleString('en-US')} more row${more === 1 ? '' : 's'}: use --format csv, json or markdown for every row`);
    for (const line of section.footer ?? []) out.push(safeTerminalText(line));
    out.push('');
  }
  for (const note of view.notes) out.push(chalk.dim(safeTerminalText(note)));
  if (view.notes.length) out.push('');
  return out.join('\n');
}
