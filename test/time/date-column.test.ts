import { describe, expect, it } from 'vitest';
import { dateColumnRank, detectDateColumn } from '../../src/time/date-column.js';

const pick = (header: string[]) => {
  const i = detectDateColumn(header, 'x.csv');
  return i === null ? null : header[i];
};

describe('the response-date column from the header', () => {
  it.each([
    ['Qualtrics', ['StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId', 'Q1'], 'RecordedDate'],
    ['Typeform', ['#', 'How likely…?', 'Response Type', 'Start Date (UTC)', 'Stage Date (UTC)', 'Submit Date (UTC)', 'Network ID', 'Tags'], 'Submit Date (UTC)'],
    ['SurveyMonkey', ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address'], 'End Date'],
    ['Microsoft Forms', ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time'], 'Completion time'],
    ['Google Forms', ['Timestamp', 'Email Address', 'How likely are you to recommend us?'], 'Timestamp'],
    ['Delighted API', ['id', 'person.email', 'survey_type', 'score', 'comment', 'created_at', 'updated_at'], 'created_at'],
    ['Zendesk', ['id', 'ticket_id', 'score', 'comment', 'created_at', 'updated_at'], 'created_at'],
    ['Hotjar', ['Number', 'User', 'Date Submitted', 'Country', 'Source URL'], 'Date Submitted'],
    ['Formbricks', ['No.', 'Response ID', 'Timestamp', 'Finished', 'Survey ID'], 'Timestamp'],
    ['camelCase API', ['id', 'submittedAt', 'landedAt', 'nps'], 'submittedAt'],
    ['a plain date', ['id', 'date', 'nps'], 'date'],
    ['the fixture', ['response_id', 'submitted_at', 'region', 'plan', 'channel', 'email', 'nps', 'csat', 'ces', 'comment'], 'submitted_at'],
  ])('%s', (_, header, expected) => {
    expect(pick(header)).toBe(expected);
  });

  it('never takes a duration, an id or a birth date for the response time', () => {
    expect(dateColumnRank('Duration (in seconds)')).toBeNull();
    expect(dateColumnRank('Date of birth')).toBeNull();
    expect(dateColumnRank('ResponseId')).toBeNull();
    expect(pick(['id', 'nps', 'region'])).toBeNull();
  });

  it('names both candidates when two are equally likely', () => {
    expect(() => detectDateColumn(['created_at', 'submitted_at', 'nps'], 'x.csv')).toThrow('two columns could hold the response date: "created_at" and "submitted_at"');
    expect(() => detectDateColumn(['date', 'Date (UTC)', 'survey date'], 'x.csv')).toThrow('3 columns could hold the response date: "date", "Date (UTC)" and "survey date"');
  });
});
