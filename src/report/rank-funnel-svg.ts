/**
 * The funnel plot of a rank result as SVG (one plot per metric, stacked): each unit's raw score
 * against its n (log axis), the overall score as a line, and the 95 % and 99.8 % control limits
 * (`funnelLimits`) as curves; units outside a limit are filled and named. Accessible (<title>, <desc>,
 * a <title> per point); coordinates rounded to 0.1 so the same data gives the same bytes.
 */
import { metricLabel } from '../model/metrics.js';
import type { RankPrior, RankResult } from '../analysis/rank.js';
import { FUNNEL_LIMITS } from '../analysis/rank.js';
import { funnelLimits } from '../stats/funnel-limits.js';
import { escapeXml } from './escape-xml.js';
import { formatCount, formatFixed } from './format.js';
import { niceTicks } from './svg-chart.js';

const WIDTH = 720;
const HEIGHT = 360;
const M = { left: 56, right: 150, top: 30, bottom: 44 };
const r1 = (x: number) => {
  const s = x.toFixed(1);
  return s === '-0.0' ? '0.0' : s;
};

function plot(result: RankResult, prior: RankPrior, top: number): string {
  const by = result.settings.by[0];
  const rows = result.rows.filter((r) => r.metric === prior.metric);
  const nps = prior.classes.length === 3;
  const scale = 100;
  const nMin = Math.max(1, Math.min(...rows.map((r) => r.n)));
  const nMax = Math.max(nMin * 10, ...rows.map((r) => r.n));
  const ns = Array.from({ length: 61 }, (_, i) => nMin * (nMax / nMin) ** (i / 60));
  const clip = (v: number) => Math.max(nps ? -100 : 0, Math.min(100, v));
  const curves = FUNNEL_LIMITS.map((l) => ({
    name: l.name,
    lower: ns.map((n) => clip(scale * (funnelLimits(prior.overall / scale, prior.variance, n, l.z).lower ?? 0))),
    upper: ns.map((n) => clip(scale * (funnelLimits(prior.overall / scale, prior.variance, n, l.z).upper ?? 0))),
  }));
  const ys = [...rows.map((r) => r.raw), ...curves.flatMap((c) => [...c.lower, ...c.upper])];
  let yLo = Math.min(...ys);
  let yHi = Math.max(...ys);
  const pad = Math.max((yHi - yLo) * 0.05, 1);
  yLo = Math.max(nps ? -100 : 0, yLo - pad);
  yHi = Math.min(100, yHi + pad);
  const innerW = WIDTH - M.left - M.right;
  const innerH = HEIGHT - M.top - M.bottom;
  const x = (n: number) => M.left + (Math.log(Math.max(n, nMin) / nMin) / Math.log(nMax / nMin)) * innerW;
  const y = (v: number) => top + M.top + ((yHi - v) / (yHi - yLo)) * innerH;
  const line = (vals: number[]) => vals.map((v, i) => `${i === 0 ? 'M' : 'L'}${r1(x(ns[i]))},${r1(y(v))}`).join(' ');
  const label = metricLabel(prior.metric);
  const out: string[] = [];
  out.push(`<text x="${M.left}" y="${r1(top + 18)}" font-size="14" font-weight="bold">${escapeXml(`${label}: raw score by n, ${rows.length} ${by} values, limits around ${formatFixed(prior.overall, 1)}`)}</text>`);
  for (const t of niceTicks(yLo, yHi)) {
    out.push(`<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${r1(y(t))}" y2="${r1(y(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${M.left - 6}" y="${r1(y(t) + 4)}" font-size="11" text-anchor="end">${formatFixed(t, 0)}</text>`);
  }
  for (let e = Math.ceil(Math.log10(nMin)); e <= Math.floor(Math.log10(nMax)); e++) {
    const n = 10 ** e;
    out.push(`<text x="${r1(x(n))}" y="${r1(top + HEIGHT - M.bottom + 16)}" font-size="11" text-anchor="middle">${formatCount(n)}</text>`);
  }
  out.push(`<text x="${r1(M.left + innerW / 2)}" y="${r1(top + HEIGHT - 8)}" font-size="11" text-anchor="middle">answers (n, log scale)</text>`);
  out.push(`<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${r1(y(prior.overall))}" y2="${r1(y(prior.overall))}" stroke="#333"/>`);
  for (const c of curves) {
    const dash = c.name === '95%' ? ' stroke-dasharray="4 3"' : '';
    out.push(`<path d="${line(c.lower)}" fill="none" stroke="#888"${dash}><title>${c.name} limit</title></path>`);
    out.push(`<path d="${line(c.upper)}" fill="none" stroke="#888"${dash}><title>${c.name} limit</title></path>`);
  }
  let named = 0;
  for (const r of rows) {
    const name = r.group[by];
    const fill = r.outside === null ? 'none' : r.outside.startsWith('upper') ? '#1a7f37' : '#cf222e';
    const stroke = r.outside === null ? '#555' : fill;
    out.push(`<circle cx="${r1(x(r.n))}" cy="${r1(y(r.raw))}" r="3.5" fill="${fill}" stroke="${stroke}"><title>${escapeXml(`${name}: ${formatFixed(r.raw, 1)} raw, ${formatFixed(r.value, 1)} shrunk, n ${formatCount(r.n)}${r.outside ? `, outside ${r.outside}` : ''}`)}</title></circle>`);
    if (r.outside !== null && named < 12) {
      out.push(`<text x="${WIDTH - M.right + 8}" y="${r1(top + M.top + 12 + named * 14)}" font-size="11" fill="${fill}">${escapeXml(`${name} (${r.outside})`)}</text>`);
      named++;
    }
  }
  const outside = rows.filter((r) => r.outside !== null).length;
  if (outside > named) out.push(`<text x="${WIDTH - M.right + 8}" y="${r1(top + M.top + 12 + named * 14)}" font-size="11">${escapeXml(`and ${outside - named} more`)}</text>`);
  return out.join('\n');
}

export function rankFunnelSvg(result: RankResult): string {
  const priors = result.settings.priors;
  const height = Math.max(1, priors.length) * HEIGHT;
  const outside = result.rows.filter((r) => r.outside !== null).map((r) => `${r.group[result.settings.by[0]]} (${metricLabel(r.metric)}, ${r.outside})`);
  const desc = outside.length ? `Outside the limits: ${outside.join('; ')}.` : 'No unit lies outside the limits.';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="funnel-title funnel-desc" font-family="sans-serif">`,
    `<title id="funnel-title">${escapeXml(`Funnel plot by ${result.settings.by[0]}: 95% (dashed) and 99.8% control limits`)}</title>`,
    `<desc id="funnel-desc">${escapeXml(desc)}</desc>`,
    ...priors.map((p, i) => plot(result, p, i * HEIGHT)),
    '</svg>',
    '',
  ].join('\n');
}
