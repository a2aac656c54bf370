/**
 * Tallies merge by addition: the merge is commutative and associative, and folding rows in any split
 * (threads, files) then merging gives exactly what one pass gives. Weights here are multiples of 1/8,
 * so sums are exact in floating point and equality is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonRecord } from '../../src/io/json-reader.js';
import { Folder, type FoldPlan, type FoldResult } from '../../src/fold/fold.js';
import { mergeFolds } from '../../src/fold/merge-folds.js';
import { addInto, addTallies, emptyTally, type Tally } from '../../src/model/tally.js';
import { fuzzParameters, fuzzTimeout } from './fuzz.js';

const SCALE = { lo: 0, hi: 10 };

const tally: fc.Arbitrary<Tally> = fc
  .record({
    points: fc.array(fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 64 })), { minLength: 11, maxLength: 11 }),
    skipped: fc.nat(20),
    invalid: fc.nat(20),
  })
  .map(({ points, skipped, invalid }) => {
    const t = emptyTally(SCALE);
    points.forEach(([count, eighths], i) => {
      t.count[i] = count;
      t.weightSum[i] = (count * eighths) / 8;
      t.weightSqSum[i] = (count * eighths * eighths) / 64;
    });
    t.skipped = skipped;
    t.invalid = invalid;
    return t;
  });

describe('Tally merge', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(tally, tally, (a, b) => {
        expect(addTallies(a, b)).toEqual(addTallies(b, a));
      }),
      fuzzParameters(500),
    );
  });

  it('is associative, in place or not, with the empty Tally as identity', () => {
    fc.assert(
      fc.property(tally, tally, tally, (a, b, c) => {
        const left = addTallies(addTallies(a, b), c);
        expect(addTallies(a, addTallies(b, c))).toEqual(left);
        const inPlace = addTallies(emptyTally(SCALE), a);
        addInto(inPlace, b);
        addInto(inPlace, c);
        expect(inPlace).toEqual(left);
        expect(addTallies(a, emptyTally(SCALE))).toEqual(a);
      }),
      fuzzParameters(500),
    );
  });
});

/** A row: segment value and raw NPS cell (valid, blank, out of range or not a number). */
const row = fc.tuple(
  fc.constantFrom('EMEA', 'APAC', 'LATAM', '', 'North America'),
  fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: -3, max: 14 }), fc.constantFrom(null, '', '8.0', 'ten', ' 7 ', '9 - Likely')),
);

const PLAN: FoldPlan = {
  file: 'rows.json',
  dimensions: [{ kind: 'column', name: 'region', index: 0 }],
  roles: [{ role: 'nps', column: 'nps', index: 1, scale: SCALE }],
};

function fold(rows: [string, unknown][], firstLine: number): FoldResult {
  const folder = new Folder(PLAN);
  const record = new JsonRecord();
  rows.forEach((r, i) => {
    record.set([r[0], r[1]], firstLine + i);
    folder.record(record);
  });
  return folder.result();
}

/** A FoldResult in a canonical form: groups sorted by key, issue counts only. */
function canonical(r: FoldResult) {
  return {
    counts: r.counts,
    groups: [...r.groups].sort((a, b) => (a.key.join('\u001f') < b.key.join('\u001f') ? -1 : 1)),
    issues: Object.fromEntries(r.issues.counts),
  };
}

describe('folding in parts', () => {
  it('equals one pass, whatever the cuts and the order the parts are merged in', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(),
        (rows, cutSeeds, order) => {
          const cuts = [...new Set(cutSeeds.map((c) => (rows.length ? c % (rows.length + 1) : 0)))].sort((a, b) => a - b);
          const bounds = [0, ...cuts, rows.length];
          const parts = bounds.slice(1).map((end, k) => ({ result: fold(rows.slice(bounds[k], end), 2 + bounds[k]) }));
          // rotate the parts: merging is order-free
          const rotated = parts.map((_, k) => parts[(k + order) % parts.length]);
          expect(canonical(mergeFolds(rotated))).toEqual(canonical(fold(rows, 2)));
        },
      ),
      { ...fuzzParameters(300) },
    );
  }, fuzzTimeout(20_000));
});
