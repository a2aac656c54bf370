import { describe, expect, it } from 'vitest';
import { builtInLabels, labelsFor, normalizeLabel } from '../../src/io/labels.js';
import { parseScore } from '../../src/io/values.js';
import { runCli } from '../helpers.js';

const read = (text: string, lo: number, hi: number, configured?: Record<string, number>) => {
  const scale = { lo, hi };
  const cell = parseScore(text, scale, new Map(labelsFor(scale, configured)));
  return cell.kind === 'value' ? cell.value : cell.kind;
};

describe('built-in label maps', () => {
  it.each([
    ['Very dissatisfied', 1],
    ['Extremely dissatisfied', 1],
    ['Dissatisfied', 2],
    ['Somewhat dissatisfied', 2],
    ['Neither satisfied nor dissatisfied', 3],
    ['Neutral', 3],
    ['Satisfied', 4],
    ['Somewhat satisfied', 4],
    ['Very satisfied', 5],
    ['EXTREMELY  SATISFIED', 5],
    ['Strongly disagree', 1],
    ['Disagree', 2],
    ['Neither agree nor disagree', 3],
    ['Agree', 4],
    ['Strongly agree', 5],
  ])('5 points: %j is %d', (label, value) => {
    expect(read(label, 1, 5)).toBe(value);
  });

  it.each([
    ['Strongly disagree', 1],
    ['Disagree', 2],
    ['Somewhat disagree', 3],
    ['Neither agree nor disagree', 4],
    ['Somewhat agree', 5],
    ['Slightly agree', 5],
    ['Agree', 6],
    ['strongly agree', 7],
  ])('7-point agreement: %j is %d', (label, value) => {
    expect(read(label, 1, 7)).toBe(value);
  });

  it('NPS: end-point labels and classes, on 0-10 and on 1-11', () => {
    expect(read('Not at all likely', 0, 10)).toBe(0);
    expect(read('Extremely likely', 0, 10)).toBe(10);
    expect(read('Extremely likely', 1, 11)).toBe(11);
    expect(read('Detractor', 0, 10)).toBe(0);
    expect(read('Passive', 0, 10)).toBe(7);
    expect(read('promoter', 0, 10)).toBe(10);
    expect(read('10 - Extremely likely', 0, 10)).toBe(10);
  });

  it('Zendesk good / bad on a 2-point scale', () => {
    expect(read('good', 0, 1)).toBe(1);
    expect(read('bad', 0, 1)).toBe(0);
    expect(read('Good', 1, 2)).toBe(2);
    expect(read('offered', 0, 1)).toBe('invalid');
  });

  it('applies a map only to a scale of its width', () => {
    expect(read('Very satisfied', 1, 7)).toBe('invalid');
    expect(read('Somewhat agree', 1, 5)).toBe('invalid');
    expect(read('good', 1, 5)).toBe('invalid');
    expect(builtInLabels({ lo: 1, hi: 3 })).toEqual([]);
  });

  it('never turns an unknown label into a number', () => {
    expect(read('Very likely', 0, 10)).toBe('invalid');
    expect(read('Sehr zufrieden', 1, 5)).toBe('invalid');
    expect(read('Excellent', 1, 5)).toBe('invalid');
  });

  it('normalizes case, spaces, dashes and a final period', () => {
    expect(normalizeLabel('  Neither  Agree nor Disagree. ')).toBe('neither agree nor disagree');
    expect(normalizeLabel('Köln\u2013Süd')).toBe('köln-süd');
  });
});

describe('label maps from a config file', () => {
  it('adds labels (and wins over the built-in ones)', () => {
    expect(read('Sehr zufrieden', 1, 5, { 'Sehr zufrieden': 5 })).toBe(5);
    expect(read('Neutral', 1, 5, { neutral: 4 })).toBe(4);
  });

  it('scores a German export with the team config, and counts unknown labels as invalid', async () => {
    const r = await runCli(['score', 'fixtures/reader/labels-de.csv', '--config', 'fixtures/config/labels-de.json', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const overall = (m: string) => json.rows.find((x: { metric: string }) => x.metric === m);
    expect(overall('nps').counts).toEqual({ promoters: 3, passives: 2, detractors: 1 });
    expect(overall('csat').counts).toEqual({ satisfied: 3, other: 2 });
    expect(overall('csat').invalid).toBe(1);
    expect(json.warnings).toContainEqual(expect.objectContaining({ code: 'invalid-value', line: 7, message: 'column "Zufriedenheit": "Ganz toll" is not a score on 1-5' }));
  });

  it('refuses a label whose value is not on the scale, and a value that is not a whole number', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(`${(await import('node:os')).tmpdir()}/cxm-labels-`);
    writeFileSync(`${dir}/bad.json`, JSON.stringify({ labels: { csat: { 'Sehr zufrieden': 6 } } }));
    const r = await runCli(['score', 'fixtures/reader/labels.csv', '--config', `${dir}/bad.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cxm: config labels.csat: "Sehr zufrieden" is 6, not a point of the scale 1-5');
    writeFileSync(`${dir}/frac.json`, JSON.stringify({ labels: { csat: { 'Sehr zufrieden': 4.5 } } }));
    const f = await runCli(['score', 'fixtures/reader/labels.csv', '--config', `${dir}/frac.json`]);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/config "labels\.csat\.Sehr zufrieden"/);
  });
});

describe('reading settings in a config file', () => {
  it('takes layout, encoding, delimiter, includePreviews and a scale for one role', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(`${(await import('node:os')).tmpdir()}/cxm-config-`);
    writeFileSync(`${dir}/eu.json`, JSON.stringify({ delimiter: ';', encoding: 'cp1252', scales: { ces: '1-7' } }));
    const eu = await runCli(['score', 'fixtures/exports/excel-european.csv', '--config', `${dir}/eu.json`, '--format', 'json']);
    expect(eu.code, eu.stderr).toBe(0);
    expect(JSON.parse(eu.stdout).warnings).toEqual([]);
    writeFileSync(`${dir}/q.json`, JSON.stringify({ layout: 'qualtrics', includePreviews: true }));
    const q = await runCli(['score', 'fixtures/exports/qualtrics.csv', '--config', `${dir}/q.json`, '--format', 'json']);
    expect(JSON.parse(q.stdout).input.excluded).toBe(0);
    writeFileSync(`${dir}/bad.json`, JSON.stringify({ layout: 'medallia' }));
    const bad = await runCli(['score', 'fixtures/exports/qualtrics.csv', '--config', `${dir}/bad.json`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/config "layout"/);
    writeFileSync(`${dir}/enc.json`, JSON.stringify({ encoding: 'ebcdic' }));
    const enc = await runCli(['score', 'fixtures/exports/qualtrics.csv', '--config', `${dir}/enc.json`]);
    expect(enc.stderr).toMatch(/config "encoding": must be one of utf8/);
  });
});
