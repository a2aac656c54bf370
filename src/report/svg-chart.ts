/**
 * A trend chart as inline SVG: the score of each period as a line with points, its confidence interval
 * as a shaded band, periods without answers as gaps. Accessible: a <title> and a <desc> (the text
 * alternative), and a <title> on every point with its numbers. Coordinates are rounded to 0.1 so the
 * same data gives the same bytes.
 */
import { escapeXml } from './escape-xml.js';

export interface ChartPoint {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** low base: drawn hollow */
  lowBase: boolean;
  /** the point's own text (tooltip) */
  text: string;
}

export interface ChartOptions {
  /** a unique id within the page, for aria-labelledby */
  id: string;
  title: string;
  description: string;
  /** the metric's range, to keep the axis inside it (NPS −100..100, percents 0..100) */
  domain: readonly [number, number] | null;
  /** axis label suffix: `%` */
  suffix: string;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { left: 52, right: 16, top: 14, bottom: 44 };

const r1 = (x: number) => {
  const s = x.toFixed(1);
  return s === '-0.0' ? '0.0' : s;
};

/** Evenly spaced round ticks (steps of 1, 2 or 5 × 10^k) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toFixed(10)));
  return ticks;
}

function yDomain(points: ChartPoint[], domain: readonly [number, number] | null): [number, number] {
  const values = points.flatMap((p) => [p.value, p.lower, p.upper]).filter((v): v is number => v !== null);
  if (values.length === 0) return domain ? [domain[0], domain[1]] : [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.08, 1);
  lo -= pad;
  hi += pad;
  if (domain) {
    lo = Math.max(lo, domain[0]);
    hi = Math.min(hi, domain[1]);
  }
  const ticks = niceTicks(lo, hi);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  return [Math.min(lo, Math.floor(lo / step) * step), Math.max(hi, Math.ceil(hi / step) * step)];
}

/** Runs of consecutive indices where `has` holds (the pieces of a line or band between gaps). */
function runs(points: ChartPoint[], has: (p: ChartPoint) => boolean): number[][] {
  const out: number[][] = [];
  let run: number[] = [];
  points.forEach((p, i) => {
    if (has(p)) run.push(i);
    else if (run.length) {
      out.push(run);
      run = [];
    }
  });
  if (run.length) out.push(run);
  return out;
}

export function trendChart(points: ChartPoint[], o: ChartOptions): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [lo, hi] = yDomain(points, o.domain);
  const x = (i: number) => MARGIN.left + ((i + 0.5) * plotW) / Math.max(points.length, 1);
  const y = (v: number) => MARGIN.top + ((hi - v) * plotH) / (hi - lo);
  const out: string[] = [];
  const titleId = `${o.id}-title`;
  const descId = `${o.id}-desc`;
  out.push(`<svg class="chart" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`);
  out.push(`<title id="${titleId}">${escapeXml(o.title)}</title>`, `<desc id="${descId}">${escapeXml(o.description)}</desc>`);
  // axis and grid
  for (const t of niceTicks(lo, hi)) {
    if (t < lo - 1e-9 || t > hi + 1e-9) continue;
    const ty = r1(y(t));
    out.push(`<line class="grid${t === 0 ? ' zero' : ''}" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}"/>`);
    out.push(`<text class="tick" x="${MARGIN.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${escapeXml(`${Number(t.toFixed(6))}${o.suffix}`)}</text>`);
  }
  const every = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    if ((points.length - 1 - i) % every !== 0) return;
    out.push(`<text class="tick" x="${r1(x(i))}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${escapeXml(p.label)}</text>`);
  });
  // interval band, one polygon per run of periods with an interval (a lone period: a bar)
  for (const run of runs(points, (p) => p.lower !== null && p.upper !== null)) {
    if (run.length === 1) {
      const p = points[run[0]];
      out.push(`<rect class="band" x="${r1(x(run[0]) - 5)}" y="${r1(y(p.upper!))}" width="10" height="${r1(Math.max(0, y(p.lower!) - y(p.upper!)))}"/>`);
      continue;
    }
    const upper = run.map((i) => `${r1(x(i))},${r1(y(points[i].upper!))}`);
    const lower = [...run].reverse().map((i) => `${r1(x(i))},${r1(y(points[i].lower!))}`);
    out.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`);
  }
  for (const run of runs(points, (p) => p.value !== null)) {
    if (run.length > 1) out.push(`<polyline class="line" points="${run.map((i) => `${r1(x(i))},${r1(y(points[i].value!))}`).join(' ')}"/>`);
  }
  points.forEach((p, i) => {
    if (p.value === null) return;
    const last = i === points.length - 1;
    out.push(`<circle class="point${p.lowBase ? ' low' : ''}${last ? ' current' : ''}" cx="${r1(x(i))}" cy="${r1(y(p.value))}" r="${last ? 5 : 3.5}"><title>${escapeXml(p.text)}</title></circle>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
