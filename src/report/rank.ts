/**
 * How a rank table looks: one table per metric, best first, with the raw and the shrunken score, its
 * credible interval, the rank with its interval, P(top k) and P(bottom k), and the funnel limit a unit
 * falls outside of. CSV gets the same rows with fixed columns.
 */
import { isPercent, metricDigits, metricLabel, type Metric } from '../model/metrics.js';
import type { RankResult } from '../analysis/rank.js';
import { enrichNotes } from './enrich-notes.js';
import { formatCount, formatFixed, formatInterval, formatLevel } from './format.js';
import type { CsvValue } from './render-csv.js';
import { metricTitle } from './score.js';
import { cell, type Column, type Section, type View } from './view.js';

function rankSection(result: RankResult, metric: Metric): Section {
  const s = result.settings;
  const prior = s.priors.find((p) => p.metric === metric)!;
  const digits = metricDigits(metric);
  const suffix = isPercent(metric) ? '%' : '';
  const level = formatLevel(s.level);
  const columns: Column[] = [
    { label: 'rank', align: 'right' },
    { label: s.by[0] },
    { label: 'n', align: 'right' },
    { label: `raw ${metricLabel(metric)}`, align: 'right' },
    { label: 'shrunk', align: 'right' },
    { label: `${level} CrI`, align: 'right' },
    { label: 'rank range', align: 'right' },
    { label: `P(top ${prior.k})`, align: 'right' },
    { label: `P(bottom ${prior.k})`, align: 'right' },
    { label: 'funnel', align: 'left' },
  ];
  const rows = result.rows
    .filter((r) => r.metric === metric)
    .map((r) => {
      const mark = r.outside?.startsWith('upper') ? 'up' : r.outside?.startsWith('lower') ? 'down' : undefined;
      return [
        cell(String(r.rank)),
        cell(r.group[s.by[0]]),
        cell(formatCount(r.n)),
        cell(formatFixed(r.raw, digits)),
        cell(formatFixed(r.value, digits), mark),
        cell(formatInterval(r.lower, r.upper, digits, suffix)),
        cell(r.rankLower === r.rankUpper ? String(r.rankLower) : `${r.rankLower}–${r.rankUpper}`),
        cell(formatFixed(r.pTop, 2)),
        cell(formatFixed(r.pBottom, 2)),
        cell(r.outside ? `outside ${r.outside}` : '', mark),
      ];
    });
  return { title: `${metricTitle(metric, s.columns)} · ${prior.units} ${s.by[0]} values ranked · empirical Bayes, ${level} credible intervals`, columns, rows };
}

export function rankView(result: RankResult): View {
  const s = result.settings;
  const notes = [
    `shrunk = the posterior mean: each unit's counts plus a prior fitted across the units (${s.priors.map((p) => `${p.metric} prior strength ${formatFixed(p.strength, 1)} answers, by ${p.method}`).join('; ')}); a unit of n answers keeps n/(n + strength) of its own score.`,
    `Ranked by the shrunken score (1 = best). Rank range, CrI and P(top/bottom k) from ${formatCount(s.draws)} joint posterior draws (seed ${s.seed}).`,
    'funnel: the raw score lies outside the 95% or 99.8% control limits around the overall score for its n.',
  ];
  for (const p of s.priors) if (p.noSpread) notes.push(`${p.metric}: no spread between units beyond chance — every unit is shrunk to the overall score; the ranks say nothing.`);
  notes.push(...enrichNotes(s));
  const metrics = [...new Set(s.priors.map((p) => p.metric))];
  return { sections: metrics.map((m) => rankSection(result, m)), notes };
}

export const RANK_CSV_COLUMNS = ['metric', 'group', 'n', 'raw', 'value', 'lower', 'upper', 'rank', 'rank_lower', 'rank_upper', 'p_top', 'p_bottom', 'outside'] as const;

export function rankCsv(result: RankResult): { columns: string[]; rows: CsvValue[][] } {
  const by = result.settings.by[0];
  return {
    columns: [...RANK_CSV_COLUMNS],
    rows: result.rows.map((r) => [r.metric, r.group[by], r.n, r.raw, r.value, r.lower, r.upper, r.rank, r.rankLower, r.rankUpper, r.pTop, r.pBottom, r.outside]),
  };
}
