// Proportion intervals against statsmodels 0.13 (proportion_confint) and R (prop.test, binom.test).
// Reference: test/reference/proportions.json (generate.py) and r-reference.json (generate.R).
import { describe, expect, it } from 'vitest';
import {
  PROPORTION_METHODS,
  clopperPearsonInterval,
  proportionInterval,
  wilsonCcInterval,
  type ProportionMethod,
} from '../../src/stats/index.js';
import { expectClose, loadReference } from './helpers.js';

interface ProportionCase {
  x: number;
  n: number;
  level: number;
  method: ProportionMethod;
  lower: number;
  upper: number;
  lowerClipped: number;
  upperClipped: number;
}
interface RInterval {
  x: number;
  n: number;
  level: number;
  lower: number;
  upper: number;
}

const { cases } = loadReference<{ cases: ProportionCase[] }>('proportions.json');
const r = loadReference<{ wilsonCc: RInterval[]; clopperPearson: RInterval[] }>('r-reference.json');

describe('proportionInterval against statsmodels proportion_confint', () => {
  it.each(cases)('$method $x/$n at $level', ({ x, n, level, method, lower, upper, lowerClipped, upperClipped }) => {
    const result = proportionInterval(x, n, level, method);
    expect(result.method).toBe(method);
    expect(result.reason).toBeNull();
    expectClose(result.value, x / n, 1e-15, 0, 'value');
    expectClose(result.lower, lower, 1e-12, 1e-13, 'lower');
    expectClose(result.upper, upper, 1e-12, 1e-13, 'upper');
    expectClose(result.lowerClipped, lowerClipped, 1e-12, 1e-13, 'lowerClipped');
    expectClose(result.upperClipped, upperClipped, 1e-12, 1e-13, 'upperClipped');
  });
});

describe('wilsonCcInterval against R prop.test(correct = TRUE)', () => {
  it.each(r.wilsonCc)('$x/$n at $level', ({ x, n, level, lower, upper }) => {
    const result = wilsonCcInterval(x, n, level);
    expectClose(result.lower, lower, 1e-12, 1e-13, 'lower');
    expectClose(result.upper, upper, 1e-12, 1e-13, 'upper');
    expect(proportionInterval(x, n, level, 'wilson-cc')).toEqual(result);
  });
});

describe('clopperPearsonInterval against R binom.test', () => {
  it.each(r.clopperPearson)('$x/$n at $level', ({ x, n, level, lower, upper }) => {
    const result = clopperPearsonInterval(x, n, level);
    expectClose(result.lower, lower, 1e-12, 1e-13, 'lower');
    expectClose(result.upper, upper, 1e-12, 1e-13, 'upper');
  });
});

describe('proportion edge cases', () => {
  it.each(PROPORTION_METHODS)('%s: n = 0 gives null estimate with a reason', (method) => {
    const result = proportionInterval(0, 0, 0.95, method);
    expect(result).toMatchObject({ n: 0, value: null, lower: null, upper: null, lowerClipped: null, upperClipped: null });
    expect(result.reason).toBe('n/a (n=0)');
  });
  it('Wilson n = 1 is [0.207, 1] (docs/methods.md)', () => {
    const result = proportionInterval(1, 1, 0.95, 'wilson');
    expect(result.lowerClipped).toBeCloseTo(0.207, 3);
    expect(result.upperClipped).toBe(1);
  });
  it('Wald has zero width at x = 0, x = n and n = 1, and says so', () => {
    for (const [x, n] of [[0, 10], [10, 10], [1, 1]] as const) {
      const result = proportionInterval(x, n, 0.95, 'wald');
      expect(result.zeroWidth).toBe(true);
      expect(result.lower).toBe(result.upper);
    }
    expect(proportionInterval(3, 10, 0.95, 'wald').zeroWidth).toBe(false);
  });
  it('Clopper–Pearson and Wilson-cc pin the bounds at x = 0 and x = n', () => {
    for (const method of ['clopper-pearson', 'wilson-cc'] as const) {
      expect(proportionInterval(0, 12, 0.95, method).lower).toBe(0);
      expect(proportionInterval(12, 12, 0.95, method).upper).toBe(1);
    }
  });
  it('Jeffreys follows statsmodels: no pinning at x = 0', () => {
    expect(proportionInterval(0, 12, 0.95, 'jeffreys').lower).toBeGreaterThan(0);
  });
  it('keeps unclipped bounds for Wald and Agresti–Coull', () => {
    const wald = proportionInterval(9, 10, 0.95, 'wald');
    expect(wald.upper).toBeGreaterThan(1);
    expect(wald.upperClipped).toBe(1);
    const ac = proportionInterval(0, 10, 0.95, 'agresti-coull');
    expect(ac.lower).toBeLessThan(0);
    expect(ac.lowerClipped).toBe(0);
  });
  it('accepts non-integer (effective) counts and snaps x a few ulps above n', () => {
    const n = 0.1 + 0.2; // 0.30000000000000004
    expect(proportionInterval(n * (1 + 1e-15), n, 0.95, 'wilson').value).toBe(1);
  });
  it('wider interval at higher level, nested', () => {
    for (const method of PROPORTION_METHODS) {
      const narrow = proportionInterval(7, 20, 0.9, method);
      const wide = proportionInterval(7, 20, 0.99, method);
      expect(wide.lower as number).toBeLessThan(narrow.lower as number);
      expect(wide.upper as number).toBeGreaterThan(narrow.upper as number);
    }
  });
  it('throws on programmer errors', () => {
    expect(() => proportionInterval(-1, 10)).toThrow(RangeError);
    expect(() => proportionInterval(11, 10)).toThrow(/exceed/);
    expect(() => proportionInterval(1, 10, 1)).toThrow(/confidence level/);
    expect(() => proportionInterval(1, 10, 0)).toThrow(RangeError);
    expect(() => proportionInterval(1, Number.NaN)).toThrow(RangeError);
    expect(() => proportionInterval(1, 10, 0.95, 'exact' as ProportionMethod)).toThrow(/unknown proportion method/);
  });
  it('exports the method names for --method validation, default first', () => {
    expect(PROPORTION_METHODS).toEqual(['wilson', 'wald', 'wilson-cc', 'agresti-coull', 'clopper-pearson', 'jeffreys']);
  });
});
