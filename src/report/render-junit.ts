/**
 * JUnit XML for CI test reporters: one <testsuite> per run, one <testcase> per check. A failed check
 * is a <failure>; a low-base check is <skipped> under --on-low-base warn, a <failure> under fail, and
 * a plain pass under pass. No timestamps or durations that change between runs (time="0"), so the
 * same input gives the same file. Text from the data is escaped, and characters XML 1.0 cannot carry
 * (control characters) are dropped.
 */
import type { CheckResult } from '../analysis/check.js';
import { checkName, checkSubject, groupName, reasonText, summaryText } from './check.js';
import { escapeXml } from './escape-xml.js';
import { formatLevel } from './format.js';

export function renderJunit(result: CheckResult): string {
  const s = result.settings;
  const counts = { tests: result.checks.length, failures: 0, skipped: 0 };
  const cases: string[] = [];
  for (const row of result.checks) {
    const name = `${checkName(row)} (${groupName(row)})`;
    const reason = reasonText(row, result);
    const open = `    <testcase name="${escapeXml(name)}" classname="cxm.check.${escapeXml(row.metric)}" time="0"`;
    const lowBaseFails = row.status === 'low-base' && s.onLowBase === 'fail';
    if (row.status === 'fail' || lowBaseFails) {
      counts.failures++;
      const type = row.status === 'fail' ? row.rule : 'low-base';
      cases.push(`${open}>\n      <failure message="${escapeXml(reason)}" type="${type}">${escapeXml(`${name}: ${reason}`)}</failure>\n    </testcase>`);
    } else if (row.status === 'low-base' && s.onLowBase === 'warn') {
      counts.skipped++;
      cases.push(`${open}>\n      <skipped message="${escapeXml(reason)}"/>\n    </testcase>`);
    } else {
      cases.push(`${open}>\n      <system-out>${escapeXml(reason)}</system-out>\n    </testcase>`);
    }
  }
  // the run's own outcomes (stale data, --strict) are test cases too, so a CI reporter shows them
  for (const outcome of result.summary.outcomes ?? []) {
    if (outcome.status === 'pass') continue;
    const open = `    <testcase name="${escapeXml(outcome.code === 'stale' ? 'stale data' : '--strict')}" classname="cxm.check.run" time="0"`;
    counts.tests++;
    if (outcome.status === 'fail') {
      counts.failures++;
      cases.push(`${open}>\n      <failure message="${escapeXml(outcome.message)}" type="${outcome.code}">${escapeXml(outcome.message)}</failure>\n    </testcase>`);
    } else {
      counts.skipped++;
      cases.push(`${open}>\n      <skipped message="${escapeXml(outcome.message)}"/>\n    </testcase>`);
    }
  }
  const totals = `tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}" time="0"`;
  const properties = [
    ['subject', checkSubject(s)],
    ['rule', s.rule],
    ['level', formatLevel(s.level)],
    ['adjust', s.adjust],
    ['min-n', String(s.minN)],
    ['on-low-base', s.onLowBase],
    ['summary', summaryText(result)],
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cxm check" ${totals}>`,
    `  <testsuite name="${escapeXml(`cxm check: ${checkSubject(s)}`)}" ${totals}>`,
    '    <properties>',
    ...properties.map(([k, v]) => `      <property name="${escapeXml(k)}" value="${escapeXml(v)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
