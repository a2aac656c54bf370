/** How a plan looks: one row per metric — the score it plans from, n, margin now, n needed, MDE, invites. */
import type { PlanResult } from '../analysis/plan.js';
import { formatCount, formatFixed, formatLevel } from './format.js';
import type { CsvValue } from './render-csv.js';
import { cell, type View } from './view.js';

const points = (x: number | null) => (x === null ? '–' : `±${formatFixed(x, 1)}`);
const count = (x: number | null) => (x === null ? '–' : formatCount(x));

export function planView(result: PlanResult): View {
  const s = result.settings;
  const fpc = s.population !== null;
  const invites = s.responseRate !== null;
  const columns = [
    { label: 'metric' },
    { label: 'score', align: 'right' as const },
    { label: 'n', align: 'right' as const },
    { label: 'margin now', align: 'right' as const },
    { label: `n for ±${formatFixed(s.targetMargin, 1)}`, align: 'right' as const },
    ...(fpc ? [{ label: `of ${formatCount(s.population!)}`, align: 'right' as const }] : []),
    { label: 'detectable change', align: 'right' as const },
    ...(invites ? [{ label: 'invites', align: 'right' as const }] : []),
  ];
  const rows = result.rows.map((r, i) => {
    const b = s.basis[i];
    return [
      cell(r.metric),
      cell(formatFixed(b.value, 1)),
      cell(b.n === null ? '–' : formatCount(b.n)),
      cell(points(r.margin)),
      cell(count(r.nNeeded)),
      ...(fpc ? [cell(count(r.nNeededFpc))] : []),
      cell(r.mde === null ? '–' : formatFixed(r.mde, 1)),
      ...(invites ? [cell(count(r.invites))] : []),
    ];
  });
  const notes = [
    `margin: half-width of the ${formatLevel(s.level)} interval at n. n for ±E = z²·V·10⁴·deff/E² (V: NPS p₊ + p₋ − (p₊ − p₋)², a percent p(1 − p)).`,
    `detectable change: the smallest true change between two periods of n and n2 answers caught with ${formatLevel(s.power)} power at the ${formatLevel(s.level)} level; a check's --max-drop below it cannot be trusted to fire.`,
  ];
  if (fpc) notes.push(`of ${formatCount(s.population!)}: answers needed with the finite-population correction n/(1 + (n − 1)/N).`);
  if (invites) notes.push(`invites: answers needed / response rate ${formatFixed(100 * s.responseRate!, 1)}%, rounded up.`);
  for (const b of s.basis) if (b.deff > 1 + 1e-9) notes.push(`${b.metric}: design effect of the weights ${formatFixed(b.deff, 2)} (Kish) included.`);
  return { sections: [{ title: `Planning · ${formatLevel(s.level)} level`, columns, rows }], notes };
}

export function planCsv(result: PlanResult): { columns: string[]; rows: CsvValue[][] } {
  return {
    columns: ['metric', 'margin', 'n_needed', 'n_needed_fpc', 'mde', 'invites'],
    rows: result.rows.map((r) => [r.metric, r.margin, r.nNeeded, r.nNeededFpc, r.mde, r.invites]),
  };
}
