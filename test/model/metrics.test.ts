// The metric registry (src/model/metrics.ts): its entries hang together, and no other source file
// decides what a metric is by testing its name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_METHODS,
  isMetric,
  isPercent,
  KINDS,
  kindOf,
  METRIC_DEFS,
  METRICS,
  methodsOf,
  metricDigits,
  metricLabel,
  metricRange,
  primaryMetric,
  ROLE_DEFS,
  ROLES,
  roleOf,
} from '../../src/model/metrics.js';
import { NPS_METHODS, PROPORTION_METHODS } from '../../src/stats/types.js';

describe('the metric registry', () => {
  it('lists the metrics and roles in the order results show them', () => {
    expect(METRICS).toEqual(['nps', 'csat', 'ces', 'csat-mean', 'ces-mean', 'recommend']);
    expect(ROLES).toEqual(['nps', 'csat', 'ces', 'recommend']);
  });

  it('gives each role a primary metric of the same name, computed from that role', () => {
    for (const role of ROLES) {
      expect(isMetric(primaryMetric(role))).toBe(true);
      expect(roleOf(primaryMetric(role))).toBe(role);
      expect(kindOf(primaryMetric(role))).not.toBe('mean');
    }
  });

  it('reads each metric from a known role, with one entry per id', () => {
    expect(new Set(METRIC_DEFS.map((m) => m.id)).size).toBe(METRIC_DEFS.length);
    for (const m of METRIC_DEFS) expect(ROLES).toContain(m.role);
  });

  it('says how each metric is shown: label, digits, percent, range', () => {
    const shown = METRICS.map((m) => [m, metricLabel(m), metricDigits(m), isPercent(m), metricRange(m)]);
    expect(shown).toEqual([
      ['nps', 'NPS', 1, false, [-100, 100]],
      ['csat', 'CSAT %', 1, true, [0, 100]],
      ['ces', 'CES % agree', 1, true, [0, 100]],
      ['csat-mean', 'CSAT mean', 2, false, null],
      ['ces-mean', 'CES mean', 2, false, null],
      ['recommend', 'Recommend %', 1, true, [0, 100]],
    ]);
  });

  it('allows the interval methods src/stats implements, the default first', () => {
    for (const m of METRIC_DEFS) {
      expect(m.interval.allowed[0]).toBe(m.interval.default);
      const implemented: readonly string[] = m.kind === 'nps' ? NPS_METHODS : m.kind === 'proportion' ? PROPORTION_METHODS : ['t'];
      expect(m.interval.allowed).toEqual(implemented);
    }
    expect(DEFAULT_METHODS).toEqual({ nps: 'adjusted-wald', csat: 'wilson', ces: 'wilson', recommend: 'wilson' });
    expect(methodsOf('csat')).toEqual(PROPORTION_METHODS);
  });

  it('has one entry per kind, each with a difference test (docs/methods.md)', () => {
    expect(Object.keys(KINDS)).toEqual(['nps', 'proportion', 'mean']);
    for (const k of Object.values(KINDS)) expect(k.difference).not.toBe('');
  });

  it('gives the default bands of docs/methods.md and no band where one must be given', () => {
    const band = (role: keyof typeof ROLE_DEFS, lo: number, hi: number) => ROLE_DEFS[role].defaultBand({ lo, hi });
    expect(band('nps', 0, 10)).toEqual({ lo: 9, hi: 10 });
    expect(band('nps', 1, 11)).toEqual({ lo: 10, hi: 11 });
    expect(band('nps', 1, 10)).toBeNull();
    expect(band('csat', 1, 5)).toEqual({ lo: 4, hi: 5 });
    expect(band('csat', 0, 1)).toEqual({ lo: 1, hi: 1 });
    expect(band('csat', 1, 7)).toBeNull();
    expect(band('ces', 1, 7)).toEqual({ lo: 5, hi: 7 });
    expect(band('ces', 1, 5)).toEqual({ lo: 4, hi: 5 });
    expect(band('ces', 0, 10)).toBeNull();
    expect(band('recommend', 0, 1)).toEqual({ lo: 1, hi: 1 });
  });

  it('reads a yes/no recommend column on its fixed 0-1 scale, with its own words', () => {
    const r = ROLE_DEFS.recommend;
    expect([r.scale, r.fixedScale]).toEqual([{ lo: 0, hi: 1 }, true]);
    expect(Object.fromEntries(r.labels!)).toEqual({ yes: 1, y: 1, true: 1, no: 0, n: 0, false: 0 });
    for (const role of ['nps', 'csat', 'ces'] as const) expect([ROLE_DEFS[role].fixedScale, ROLE_DEFS[role].labels]).toEqual([false, undefined]);
  });

  it('names every success word of a proportion role', () => {
    for (const m of METRIC_DEFS.filter((d) => d.kind === 'proportion')) {
      const words = ROLE_DEFS[m.role].success;
      expect(words).not.toBeNull();
      expect(words!.yes).not.toBe(words!.rest);
    }
    expect(ROLE_DEFS.nps.success).toBeNull();
  });
});

/** Every .ts file under src/, with its text. */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return name.endsWith('.ts') ? [{ file, text: readFileSync(file, 'utf8') }] : [];
  });
}

describe('nothing outside the registry tests metric names', () => {
  // what a metric is used to be decided by its name: `endsWith('-mean')`, `metric === 'csat'`…
  const names = `(?:${METRICS.join('|')})`;
  const NAME_TESTS = [
    /\b(?:metric|role)\.(?:endsWith|startsWith|includes)\(/,
    /\.replace\(\s*'-mean'/,
    new RegExp(`\\b(?:metric|role)\\s*[!=]==\\s*'${names}'`),
    new RegExp(`'${names}'\\s*[!=]==\\s*[\\w.]*\\b(?:metric|role)\\b`),
  ];
  const files = sources('src').filter((s) => !s.file.endsWith(path.join('model', 'metrics.ts')));
  it.each(files.map((s) => [s.file, s.text] as const))('%s', (_file, text) => {
    for (const pattern of NAME_TESTS) expect(text).not.toMatch(pattern);
  });
});
