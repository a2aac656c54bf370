/**
 * JUnit XML for CI test reporters: one <testsuite> per run, one <testcase> per check. A failed check
 * is a <failure>; a low-base check is <skipped> under --on-low-base warn, a <failure> under fail, and
 * a plain pass under pass. No timestamps or durations that change between runs (time="0"), so the
 * same input gives the same file. Text from the data is escaped, and characters XML 1.0 cannot carry
 * (control characters) are dropped.
 */
import type { CheckResult } from '../analysis/check.js';
import { checkName, checkSubject, groupName, reasonText, summaryText } from './check.js';
import { formatLevel } from './format.js';

/** Text for an XML attribute or element: escaped, with characters XML 1.0 forbids removed. */
export function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

export function renderJunit(result: CheckResult): string {
  const s = result.settings;
  const counts = { tests: result.checks.length, failures: 0, skipped: 0 };
  const cases: string[] = [];
  for (const row of result.checks) {
    const name = `${checkName(row)} (${groupName(row)})`;
    const reason = reasonText(row, result);
    const open = `    <testcase name="${xmlText(name)}" classname="cxm.check.${xmlText(row.metric)}" time="0"`;
    const lowBaseFails = row.status === 'low-base' && s.onLowBase === 'fail';
    if (row.status === 'fail' || lowBaseFails) {
      counts.failures++;
      const type = row.status === 'fail' ? row.rule : 'low-base';
      cases.push(`${open}>\n      <failure message="${xmlText(reason)}" type="${type}">${xmlText(`${name}: ${reason}`)}</failure>\n    </testcase>`);
    } else if (row.status === 'low-base' && s.onLowBase === 'warn') {
      counts.skipped++;
      cases.push(`${open}>\n      <skipped message="${xmlText(reason)}"/>\n    </testcase>`);
    } else {
      cases.push(`${open}>\n      <system-out>${xmlText(reason)}</system-out>\n    </testcase>`);
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
    `  <testsuite name="${xmlText(`cxm check: ${checkSubject(s)}`)}" ${totals}>`,
    '    <properties>',
    ...properties.map(([k, v]) => `      <property name="${xmlText(k)}" value="${xmlText(v)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
