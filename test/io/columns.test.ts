import { describe, expect, it } from 'vitest';
import { detectRoleCandidates, findColumn, normalizeHeader } from '../../src/io/columns.js';
import { resolveRoles } from '../../src/analysis/plan.js';

const noOptions = { columns: {}, scales: {}, bands: {} };

describe('column roles', () => {
  it('normalizes case and punctuation', () => {
    expect(normalizeHeader('Likelihood-to-Recommend (0–10)')).toBe('likelihood to recommend 0 10');
  });

  it('finds NPS, CSAT and CES from common header names', () => {
    const header = ['Response ID', 'How likely are you to recommend us to a friend?', 'Overall Satisfaction', 'Customer Effort', 'Region'];
    expect(detectRoleCandidates(header)).toEqual({ nps: [1], csat: [2], ces: [3] });
    expect(detectRoleCandidates(['LTR', 'CSAT', 'ces'])).toEqual({ nps: [0], csat: [1], ces: [2] });
    expect(detectRoleCandidates(['nps_score', 'satisfied', 'easy to use'])).toEqual({ nps: [0], csat: [1], ces: [2] });
  });

  it('never takes a derived group or comment column for a score', () => {
    expect(detectRoleCandidates(['Q1', 'Q1_NPS_GROUP', 'NPS comment', 'nps'])).toEqual({ nps: [3], csat: [], ces: [] });
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
});
