import { describe, expect, it } from 'vitest';
import { emptyTally, type Scale, type Tally } from '../../src/model/tally.js';
import { narrowRangeMessage, observedRange, suggestedScale } from '../../src/analysis/scale-check.js';
import type { RoleSpec } from '../../src/fold/plan.js';
import { runCli } from '../helpers.js';

function tally(scale: Scale, answers: Record<number, number>): Tally {
  const t = emptyTally(scale);
  for (const [point, n] of Object.entries(answers)) t.count[Number(point) - scale.lo] = n;
  return t;
}
const spec = (role: RoleSpec['role'], lo: number, hi: number): RoleSpec => ({ role, column: role, scale: { lo, hi }, band: { lo: hi, hi }, labels: [], via: 'header' });

describe('answers on a narrower scale than declared', () => {
  it('reads the lowest and highest point answered', () => {
    expect(observedRange(tally({ lo: 0, hi: 10 }, { 2: 1, 7: 3 }))).toEqual({ min: 2, max: 7 });
    expect(observedRange(emptyTally({ lo: 0, hi: 10 }))).toBeNull();
  });

  it('suggests 1-5 for an NPS column answered only 1-5, 0-5 when 0 was answered, 1-7 up to 7', () => {
    expect(suggestedScale(spec('nps', 0, 10), tally({ lo: 0, hi: 10 }, { 1: 3, 3: 4, 5: 5 }))).toMatchObject({ lo: 1, hi: 5 });
    expect(suggestedScale(spec('nps', 0, 10), tally({ lo: 0, hi: 10 }, { 0: 3, 3: 4, 5: 5 }))).toMatchObject({ lo: 0, hi: 5 });
    expect(suggestedScale(spec('nps', 0, 10), tally({ lo: 0, hi: 10 }, { 1: 3, 4: 4, 7: 5 }))).toMatchObject({ lo: 1, hi: 7 });
    expect(suggestedScale(spec('ces', 1, 7), tally({ lo: 1, hi: 7 }, { 1: 3, 4: 4, 5: 5 }))).toMatchObject({ lo: 1, hi: 5 });
    expect(suggestedScale(spec('nps', 0, 10), tally({ lo: 0, hi: 10 }, { 0: 30, 1: 50 }))).toMatchObject({ lo: 0, hi: 1 });
  });

  it('stays quiet for full ranges, small n, and 5-point scales whose answers bunch at the top', () => {
    expect(suggestedScale(spec('nps', 0, 10), tally({ lo: 0, hi: 10 }, { 1: 3, 5: 4, 9: 5 }))).toBeNull();
    expect(suggestedScale(spec('nps', 0, 10), tally({ lo: 0, hi: 10 }, { 1: 3, 5: 4 }))).toBeNull();
    expect(suggestedScale(spec('csat', 1, 5), tally({ lo: 1, hi: 5 }, { 4: 30, 5: 40 }))).toBeNull();
    expect(suggestedScale(spec('ces', 1, 7), tally({ lo: 1, hi: 7 }, { 1: 3, 6: 10 }))).toBeNull();
  });

  it('says what to do about it', () => {
    expect(narrowRangeMessage(spec('nps', 0, 10), tally({ lo: 0, hi: 10 }, { 1: 3, 3: 4, 5: 5 }))).toBe(
      'column "nps": all 12 answers lie in 1-5, on a declared NPS scale of 0-10: if the question was a 1-5 rating it is not an NPS answer (score it with --csat "nps")',
    );
    expect(narrowRangeMessage(spec('ces', 1, 7), tally({ lo: 1, hi: 7 }, { 1: 3, 4: 4, 5: 5 }))).toBe(
      'column "ces": all 12 answers lie in 1-5, on a declared CES scale of 1-7: if the question used 1-5, declare it with --scale ces=1-5',
    );
  });

  it('reads 0/1 answers (a "recommended" yes/no column) as a yes/no question', () => {
    expect(narrowRangeMessage(spec('nps', 0, 10), tally({ lo: 0, hi: 10 }, { 0: 30, 1: 50 }))).toBe(
      'column "nps": all 80 answers lie in 0-1, on a declared NPS scale of 0-10: if it is a yes/no answer (1 = yes), score it with --csat "nps" --scale csat=0-1',
    );
  });

  it('warns from the command line', async () => {
    const r = await runCli(['score', 'fixtures/reader/narrow-nps.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('column "nps": all 12 answers lie in 1-5, on a declared NPS scale of 0-10');
  });
});
