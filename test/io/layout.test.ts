import { describe, expect, it } from 'vitest';
import { detectLayout, layoutHints, layoutRules, type Layout } from '../../src/io/layout.js';
import { answersToColumns } from '../../src/io/answer-columns.js';
import { runCli } from '../helpers.js';

const layout = (first: string[][], format: 'csv' | 'json' = 'csv', forced?: string) => detectLayout(first, format, forced) as Layout;

describe('layout detection', () => {
  it('reads a Qualtrics header: ids as names, question text as labels, time zones from row 3', () => {
    const l = layout([
      ['StartDate', 'Status', 'Finished', 'Q1', 'Q1_NPS_GROUP', 'Q2 - Topics'],
      ['Start Date', 'Response Type', 'Finished', 'How likely are you to recommend us?', 'How likely are you to recommend us? - Group', 'Q2 - Topics'],
      ['{"ImportId":"startDate","timeZone":"America/Denver"}', '{"ImportId":"status"}', '{"ImportId":"finished"}', '{"ImportId":"QID1"}', '{"ImportId":"QID1_NPS_GROUP"}', '{"ImportId":"QID2_TEXT_abcTopics"}'],
      ['2026-01-05 10:00:00', '0', '1', '9', '3', ''],
    ]);
    expect(l).toMatchObject({ name: 'qualtrics', headerRows: 3, header: ['StartDate', 'Status', 'Finished', 'Q1', 'Q1_NPS_GROUP', 'Q2 - Topics'] });
    expect(l.labels[3]).toBe('How likely are you to recommend us?');
    expect(l.timeZones).toEqual(['America/Denver', null, null, null, null, null]);
    expect(layoutRules(l.name, l.header)).toEqual({ status: 1, finished: 2 });
  });

  it('names legacy Qualtrics V-columns by their row-2 label and drops the trailing empty column', () => {
    const l = layout([
      ['\uFEFFV1', 'V2', 'V3', 'V7', 'Q1', ''],
      ['ResponseID', 'ResponseSet', 'Name', 'Status', 'How likely are you to recommend us?', ''],
      ['R_1', 'Default', 'Anon', '0', '10', ''],
    ]);
    expect(l).toMatchObject({ name: 'qualtrics-legacy', headerRows: 2, header: ['ResponseID', 'ResponseSet', 'Name', 'Status', 'Q1'] });
    expect(l.labels[4]).toBe('How likely are you to recommend us?');
    expect(layoutRules(l.name, l.header)).toEqual({ status: 3 });
  });

  it('carries a SurveyMonkey question forward over its columns and joins it with the row-2 text', () => {
    const l = layout([
      ['Respondent ID', 'Custom Data 1', 'How likely…?', 'Which products?', '', '', 'Why?'],
      ['', '', 'Response', 'Widgets', 'Gadgets', 'Other (please specify)', 'Open-Ended Response'],
    ]);
    expect(l.name).toBe('surveymonkey');
    expect(l.header).toEqual(['Respondent ID', 'Custom Data 1', 'How likely…?', 'Which products? - Widgets', 'Which products? - Gadgets', 'Which products? - Other (please specify)', 'Why? - Open-Ended Response']);
    expect(l.labels).toEqual(['', '', 'How likely…?', 'Which products?', 'Which products?', 'Which products?', 'Why?']);
  });

  it.each([
    [['#', 'Q', 'Response Type', 'Submit Date (UTC)', 'Network ID'], 'typeform'],
    [['Timestamp', 'Email Address', 'Q'], 'google-forms'],
    [['Marca temporal', 'Q'], 'google-forms'],
    [['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Q'], 'microsoft-forms'],
    [['Response ID', 'Email', 'Name', 'Score', 'Comment', 'Response timestamp'], 'delighted'],
    [['Number', 'User', 'Date Submitted', 'Country', 'Source URL', 'Device', 'Q'], 'hotjar'],
    [['No.', 'Response ID', 'Timestamp', 'Finished', 'Survey ID', '1. Q'], 'formbricks'],
    [['response_id', 'submitted_at', 'nps'], 'generic'],
  ])('recognises %j as %s', (header, name) => {
    expect(layout([header, header.map(() => 'x')]).name).toBe(name);
  });

  it.each([
    [['landing_id', 'token', 'landed_at', 'submitted_at', 'hidden.region'], 'typeform'],
    [['id', 'person', 'survey_type', 'score', 'person_properties.Plan'], 'delighted'],
    [['id', 'ticket_id', 'score', 'group_id'], 'zendesk'],
    [['id', 'conversation_rating.rating', 'conversation_rating.remark'], 'intercom'],
    [['id', 'nps'], 'generic'],
  ])('recognises JSON fields %j as %s', (header, name) => {
    expect(layout([header], 'json').name).toBe(name);
  });

  it('takes --layout over detection and refuses a layout of the other format', () => {
    expect(layout([['Timestamp', 'nps']], 'csv', 'generic').name).toBe('generic');
    expect(layout([['a'], ['b'], ['c']], 'csv', 'qualtrics')).toMatchObject({ name: 'qualtrics', headerRows: 3, evidence: '--layout' });
    expect(detectLayout([['id']], 'json', 'qualtrics')).toBe('layout qualtrics is for CSV files, not JSON');
    expect(detectLayout([['id']], 'csv', 'zendesk')).toBe('layout zendesk is for JSON files, not CSV');
  });

  it.each(['qualtrics', 'qualtrics-legacy', 'surveymonkey'])('--layout %s on a file with fewer records than its header rows: an error, not a crash', async (name) => {
    expect(layout([['nps']], 'csv', name)).toMatchObject({ name, header: ['nps'] });
    const r = await runCli(['score', '-', '--layout', name], { stdin: 'nps\n' });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^cxm: stdin: --layout ${name}: the layout has [23] header rows, the file 1 record\n$`));
  });

  it('gives role hints where the header does not say: Delighted by survey type, Zendesk on 0-1, Intercom ratings', () => {
    const none = () => undefined;
    expect(layoutHints('delighted', ['score', 'survey_type'], () => ['csat', 'csat'], none)).toMatchObject([{ role: 'csat', column: 'score' }]);
    expect(layoutHints('delighted', ['Score'], () => [], none)).toMatchObject([{ role: 'nps', column: 'Score' }]);
    expect(layoutHints('zendesk', ['score'], () => [], none)).toMatchObject([{ role: 'csat', scale: { lo: 0, hi: 1 }, band: { lo: 1, hi: 1 } }]);
    expect(layoutHints('intercom', ['conversation_rating.rating'], () => [], none)).toMatchObject([{ role: 'csat', column: 'conversation_rating.rating' }]);
    expect(layoutHints('typeform', ['a1b2', 'csat'], () => [], (n) => (n === 'a1b2' ? 'nps' : 'opinion_scale'))).toMatchObject([{ role: 'nps', column: 'a1b2' }]);
  });
});

describe('Typeform answers as columns', () => {
  it('turns answers into one column per field ref, by answer type, with titles from a definition', () => {
    const response: Record<string, unknown> = {
      token: 't1',
      definition: { fields: [{ id: 'F1', title: 'How likely…?' }] },
      answers: [
        { field: { id: 'F1', ref: 'nps', type: 'nps' }, type: 'number', number: 9 },
        { field: { id: 'F2', type: 'multiple_choice' }, type: 'choice', choice: { label: 'Pro' } },
        { field: { id: 'F3', ref: 'tools', type: 'multiple_choice' }, type: 'choices', choices: { labels: ['A', 'B'], other: 'C' } },
        { field: { id: 'F4', ref: 'token', type: 'short_text' }, type: 'text', text: 'clash' },
      ],
    };
    const fields = answersToColumns(response);
    expect(response).toMatchObject({ token: 't1', nps: 9, F2: 'Pro', tools: 'A; B; C', 'answers.token': 'clash' });
    expect(response.answers).toBeUndefined();
    expect(fields).toEqual({ nps: { type: 'nps', title: 'How likely…?' }, F2: { type: 'multiple_choice' }, tools: { type: 'multiple_choice' }, 'answers.token': { type: 'short_text' } });
  });

  it('leaves other answer lists alone', () => {
    const response = { id: 1, answers: [1, 2] };
    expect(answersToColumns(response)).toBeNull();
    expect(response.answers).toEqual([1, 2]);
    expect(answersToColumns({ id: 1, answers: [] })).toBeNull();
    expect(answersToColumns({ token: 't', answers: [] })).toEqual({});
  });
});
