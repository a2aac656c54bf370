/**
 * Markdown: one pipe table per section. Data cannot change the document: pipes and line breaks are
 * escaped (a segment called `a|b` cannot break the table), brackets too (no links or images that load
 * when the file is viewed), a `<` that could open an HTML tag or autolink is escaped, and control
 * characters are removed.
 */
import { safeTerminalText } from './format.js';
import type { Cell, View } from './view.js';

export function escapeMarkdownCell(text: string): string {
  return safeTerminalText(text)
    .replace(/[\\|[\]]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

function cellText(c: Cell): string {
  const text = escapeMarkdownCell(c.text);
  const first = c.mark === 'total' && text !== '' ? `**${text}**` : text;
  return [first, ...(c.lines ?? []).map(escapeMarkdownCell)].join('<br>');
}

export function renderMarkdown(view: View): string {
  const out: string[] = [];
  for (const section of view.sections) {
    out.push(`### ${escapeMarkdownCell(section.title)}`, '');
    out.push(`| ${section.columns.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`);
    out.push(`| ${section.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`);
    for (const row of section.rows) out.push(`| ${row.map(cellText).join(' | ')} |`);
    out.push('');
    for (const line of section.footer ?? []) out.push(escapeMarkdownCell(line), '');
  }
  for (const note of view.notes) out.push(`_${escapeMarkdownCell(note)}_`, '');
  return out.join('\n');
}
