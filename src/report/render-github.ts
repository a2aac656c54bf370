/**
 * GitHub Actions workflow commands: `::error title=…::message` for a failed check, `::warning` for a
 * low-base one under --on-low-base warn (`::error` under fail), nothing for a pass; then a plain
 * summary line. Control characters are dropped; escaping as GitHub's runner expects: in messages `%`, CR and LF become `%25`, `%0D`,
 * `%0A`; in properties also `:` and `,` become `%3A` and `%2C`.
 */
import type { CheckResult } from '../analysis/check.js';
import { checkName, groupName, reasonText, summaryText } from './check.js';
import { withoutControls } from './format.js';

export function escapeGithubData(text: string): string {
  return (
    withoutControls(text) // control characters (escape sequences) never reach the log
      .replace(/%/g, '%25')
      .replace(/\r/g, '%0D')
      .replace(/\n/g, '%0A')
  );
}

export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(result: CheckResult): string {
  const lines: string[] = [];
  for (const row of result.checks) {
    const level = row.status === 'fail' ? 'error' : row.status === 'low-base' ? { pass: null, warn: 'warning', fail: 'error' }[result.settings.onLowBase] : null;
    if (!level) continue;
    const title = `cxm check: ${checkName(row)} (${groupName(row)})`;
    lines.push(`::${level} title=${escapeGithubProperty(title)}::${escapeGithubData(reasonText(row, result))}`);
  }
  for (const outcome of result.summary.outcomes ?? []) {
    if (outcome.status === 'pass') continue;
    const level = outcome.status === 'fail' ? 'error' : 'warning';
    lines.push(`::${level} title=${escapeGithubProperty(`cxm check: ${outcome.code === 'stale' ? 'stale data' : '--strict'}`)}::${escapeGithubData(outcome.message)}`);
  }
  lines.push(`cxm check: ${summaryText(result)}`);
  return `${lines.join('\n')}\n`;
}
