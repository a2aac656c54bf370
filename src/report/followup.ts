/**
 * How the close-the-loop list looks: one table (newest first) for people, with long comments cut in
 * the terminal only; fixed CSV columns (id, date, timestamp, score, category, segments, tags with
 * --tags, contacts, comment), made safe for spreadsheets by the CSV renderer.
 */
import { roleKind, roleName } from '../model/metrics.js';
import type { FollowupResult, FollowupRow } from '../analysis/followup.js';
import { UNTAGGED } from '../io/tag-rules.js';
import { enrichNotes } from './enrich-notes.js';
import { formatCount } from './format.js';
import type { CsvValue } from './render-csv.js';
import { cell, type Column, type View } from './view.js';

/** Longest comment shown in a terminal table; CSV, JSON and Markdown keep the whole text. */
const TABLE_COMMENT_CHARS = 80;

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return [...flat].length <= max ? flat : `${[...flat].slice(0, max - 1).join('')}…`;
}

/** The tags column's name, and a row's tags in it: `billing, speed`, `(untagged)` for none. */
export const TAGS_COLUMN = 'tags';
export const tagsText = (row: FollowupRow): string => (row.tags?.length ? row.tags.join(', ') : UNTAGGED);

function what(result: FollowupResult): string {
  const s = result.settings;
  if (s.scores) return `${roleName(s.metric)} ${s.scores.lo}–${s.scores.hi}`;
  if (s.categories === null) return `all ${roleName(s.metric)} answers`;
  return s.categories.map((c) => (roleKind(s.metric) === 'nps' ? `${c}s` : c)).join(', ');
}

export function followupView(result: FollowupResult, options: { shorten: boolean }): View {
  const s = result.settings;
  const c = s.columns;
  const columns: Column[] = [
    ...(c.id !== null ? [{ label: c.id }] : []),
    ...(c.date !== null ? [{ label: 'date' }] : []),
    { label: 'score', align: 'right' },
    { label: 'category' },
    ...c.by.map((b) => ({ label: b })),
    ...(s.tags ? [{ label: TAGS_COLUMN }] : []),
    ...c.contacts.map((name) => ({ label: name })),
    ...(c.comment !== null ? [{ label: c.comment }] : []),
  ];
  const rows = result.rows.map((r) => [
    ...(c.id !== null ? [cell(r.id ?? '')] : []),
    ...(c.date !== null ? [cell(r.date ?? '–', r.date === null ? 'muted' : undefined)] : []),
    cell(String(r.score)),
    cell(r.category),
    ...c.by.map((b) => cell(r.group[b])),
    ...(s.tags ? [cell(tagsText(r), r.tags?.length ? undefined : 'muted')] : []),
    ...c.contacts.map((name) => cell(r.contact[name])),
    ...(c.comment !== null ? [cell(options.shorten ? shorten(r.comment ?? '', TABLE_COMMENT_CHARS) : (r.comment ?? ''))] : []),
  ]);
  const range = s.since || s.until ? ` · ${s.since ?? '…'} to ${s.until ?? '…'}` : '';
  const title = `Follow up: ${what(result)} (column "${s.column}")${range}${s.withComment ? ' · with a comment' : ''} · newest first`;
  const notes = [`${formatCount(result.listed)} of ${formatCount(result.matched)} matching response${result.matched === 1 ? '' : 's'} listed.`];
  if (options.shorten && result.rows.some((r) => (r.comment ?? '').length > TABLE_COMMENT_CHARS)) notes.push(`Comments are cut at ${TABLE_COMMENT_CHARS} characters here; --format csv or json has them whole.`);
  notes.push(...enrichNotes({ where: s.where, join: s.join }));
  if (s.tags) notes.push(`Tags from ${s.tags.file} (column ${JSON.stringify(s.tags.column)}): the tags each comment matched; ${UNTAGGED} for none.`);
  return { sections: [{ title, columns, rows }], notes };
}

export function followupCsv(result: FollowupResult): { columns: string[]; rows: CsvValue[][] } {
  const s = result.settings;
  const c = s.columns;
  const tags = s.tags !== undefined;
  const columns = ['id', 'date', 'timestamp', 'score', 'category', ...c.by, ...(tags ? [TAGS_COLUMN] : []), ...c.contacts, 'comment'];
  const rows = result.rows.map((r) => [r.id, r.date, r.timestamp, r.score, r.category, ...c.by.map((b) => r.group[b]), ...(tags ? [tagsText(r)] : []), ...c.contacts.map((n) => r.contact[n]), r.comment]);
  return { columns, rows };
}
