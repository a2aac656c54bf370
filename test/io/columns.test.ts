import { describe, expect, it } from 'vitest';
import { detectRoleCandidates, findColumn, guessColumnKind, isNotAScore, normalizeHeader, roleNamedBy } from '../../src/io/columns.js';
import { resolveRoles } from '../../src/fold/plan.js';

const noOptions = { columns: {}, scales: {}, bands: {} };

describe('column roles', () => {
  it('normalizes case and punctuation', () => {
    expect(normalizeHeader('Likelihood-to-Recommend (0–10)')).toBe('likelihood to recommend 0 10');
  });

  it('finds NPS, CSAT and CES from common header names', () => {
    const header = ['Response ID', 'How likely are you to recommend us to a friend?', 'Overall Satisfaction', 'Customer Effort', 'Region'];
    expect(detectRoleCandidates(header)).toEqual({ nps: [1], csat: [2], ces: [3], recommend: [] });
    expect(detectRoleCandidates(['LTR', 'CSAT', 'ces'])).toEqual({ nps: [0], csat: [1], ces: [2], recommend: [] });
    expect(detectRoleCandidates(['nps_score', 'satisfied', 'easy to use'])).toEqual({ nps: [0], csat: [1], ces: [2], recommend: [] });
  });

  it('never takes a derived group or comment column for a score', () => {
    expect(detectRoleCandidates(['Q1', 'Q1_NPS_GROUP', 'NPS comment', 'nps'])).toEqual({ nps: [3], csat: [], ces: [], recommend: [] });
  });

  it('reports two candidates for one role, naming both', () => {
    expect(() => resolveRoles(['nps', 'likelihood to recommend'], 'f.csv', noOptions)).toThrow(/"nps" and "likelihood to recommend"/);
  });

  it('lists the columns seen when no score column exists', () => {
    expect(() => resolveRoles(['id', 'region'], 'f.csv', noOptions)).toThrow(/no score column/);
    try {
      resolveRoles(['id', 'region'], 'f.csv', noOptions);
    } catch (error) {
      expect((error as { hint: string }).hint).toContain('"id", "region"');
    }
  });

  it('lets --nps choose between candidates', () => {
    const roles = resolveRoles(['nps', 'likelihood to recommend'], 'f.csv', { ...noOptions, columns: { nps: 'likelihood to recommend' } });
    expect(roles.map((r) => r.column)).toEqual(['likelihood to recommend']);
  });

  it('matches a named column exactly, then ignoring case and punctuation', () => {
    expect(findColumn(['Region', 'plan'], 'region', '--by', 'f.csv')).toBe(0);
    expect(() => findColumn(['Region'], 'country', '--by', 'f.csv')).toThrow(/no column "country"/);
  });

  it('needs a declared band for scales without a standard one', () => {
    expect(() => resolveRoles(['csat'], 'f.csv', { ...noOptions, scales: { csat: { lo: 1, hi: 7 } } })).toThrow(/needs --band csat=LO-HI/);
    const [spec] = resolveRoles(['ces'], 'f.csv', { ...noOptions, scales: { ces: { lo: 1, hi: 5 } } });
    expect(spec.band).toEqual({ lo: 4, hi: 5 });
  });

  it('finds a role by question text where the name says nothing (Qualtrics Q1), never in a derived column', () => {
    const header = ['Q1', 'Q1_NPS_GROUP', 'Q2', 'Q3_TEXT', 'Q4'];
    const labels = ['How likely are you to recommend us?', 'How likely are you to recommend us? - Group', 'Overall, how satisfied are you?', 'Why would you recommend us?', 'How easy was it?'];
    expect(detectRoleCandidates(header, labels)).toEqual({ nps: [0], csat: [2], ces: [4], recommend: [] });
  });

  it('reads long headers as questions: ordinary words there do not rule a column out', () => {
    expect(roleNamedBy('How satisfied are you with the delivery time?')).toBe('csat');
    expect(roleNamedBy('delivery time satisfaction')).toBeNull();
    expect(roleNamedBy('Why would you recommend us to a friend?')).toBeNull();
    expect(roleNamedBy('How likely are you to recommend us? - Open-Ended Response')).toBeNull();
    expect(isNotAScore('What is the main reason for your score?')).toBe(true);
  });

  it('settles two candidates by the preview when only one holds scores', () => {
    const header = ['How likely are you to recommend us?', 'What would make you recommend us more?'];
    const preview = [['9', 'faster support'], ['6', 'lower prices'], ['10', '']];
    const roles = resolveRoles(header, 'f.csv', noOptions, undefined, { preview });
    expect(roles.map((r) => r.column)).toEqual([header[0]]);
    expect(() => resolveRoles(header, 'f.csv', noOptions, undefined, { preview: [['9', '7'], ['6', '8']] })).toThrow(/two columns could hold NPS/);
  });

  it('finds a named column by its question text when no name matches', () => {
    expect(findColumn(['Q1', 'Q2'], 'how likely are you to recommend us', '--nps', 'f.csv', ['How likely are you to recommend us?', ''])).toBe(0);
  });

  it.each([
    ['RecipientEmail', '', ['a@b.co', 'c@d.org'], 'contact'],
    ['First Name', '', ['Ana', 'Bo'], 'contact'],
    ['Contact', '', ['ana@example.com', 'bo@example.com', ''], 'contact'],
    ['ResponseId', '', ['R_1', 'R_2', 'R_3'], 'id'],
    ['#', '', ['tok1', 'tok2'], 'id'],
    ['group_id', '', ['40', '41', '40'], 'segment'],
    ['StartDate', '', ['2026-01-05 10:00:00', '2026-01-06 11:00:00'], 'date'],
    ['created_at', '', ['1767607200', '1767610800'], 'date'],
    ['Completion time', '', ['1/14/26 11:07:29', '1/15/26 9:00:00'], 'date'],
    ['Survey Date', '', ['14.01.2026 12:07', '15.01.2026 08:00'], 'date'],
    ['Q4', 'What is the main reason for your score?', ['Fast', 'Slow'], 'comment'],
    ['notes', '', ['The onboarding call was really helpful', 'Pricing page is confusing to me', 'Nothing to add here, thanks a lot'], 'comment'],
    ['reason_code', '', ['0', '5', '0'], 'segment'],
    ['Region', '', ['EMEA', 'APAC', 'EMEA', 'EMEA'], 'segment'],
    ['Duration (in seconds)', '', ['12', '40', '33', '91', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24'], 'other'],
    ['LocationLatitude', '', ['47.1151', '47.1151'], 'other'],
    ['url', '', ['https://a.example/1', 'https://a.example/2'], 'other'],
  ])('guesses %j (%j) as %s', (name, label, values, kind) => {
    expect(guessColumnKind(name, label, values)).toBe(kind);
  });
});

