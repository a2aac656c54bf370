/**
 * Label maps: answer text → scale point, for exports that write "Very satisfied" where a number
 * should be. Built-in maps cover the common English scales and are chosen by the width of the
 * column's scale (a label names a position: the first point is the scale's low end); a config file
 * adds maps for other languages, which win over the built-in ones.
 */
import type { Scale } from '../model/tally.js';

/** Labels as compared: lower case, one space between words, plain dashes and quotes, no final period. */
export function normalizeLabel(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '');
}

/** Each entry: the labels of one position, 1-based, for a scale of `points` points. */
interface BuiltInMap {
  name: string;
  points: number;
  positions: [number, string[]][];
}

const SATISFACTION_5: BuiltInMap = {
  name: '5-point satisfaction',
  points: 5,
  positions: [
    [1, ['very dissatisfied', 'extremely dissatisfied', 'completely dissatisfied', 'very unsatisfied']],
    [2, ['dissatisfied', 'somewhat dissatisfied', 'unsatisfied']],
    [3, ['neither satisfied nor dissatisfied', 'neither dissatisfied nor satisfied', 'neutral']],
    [4, ['satisfied', 'somewhat satisfied']],
    [5, ['very satisfied', 'extremely satisfied', 'completely satisfied']],
  ],
};

const AGREEMENT_5: BuiltInMap = {
  name: '5-point agreement',
  points: 5,
  positions: [
    [1, ['strongly disagree']],
    [2, ['disagree']],
    [3, ['neither agree nor disagree', 'neither disagree nor agree', 'neutral']],
    [4, ['agree']],
    [5, ['strongly agree']],
  ],
};

const AGREEMENT_7: BuiltInMap = {
  name: '7-point agreement',
  points: 7,
  positions: [
    [1, ['strongly disagree']],
    [2, ['disagree']],
    [3, ['somewhat disagree', 'slightly disagree']],
    [4, ['neither agree nor disagree', 'neither disagree nor agree', 'neutral']],
    [5, ['somewhat agree', 'slightly agree']],
    [6, ['agree']],
    [7, ['strongly agree']],
  ],
};

/**
 * NPS: the end-point labels some exports write instead of 0 and 10, and the classes Qualtrics writes
 * in choice-text exports. A class stands for a point inside its band (detractor → the low end,
 * passive → the 8th point, promoter → the top), so NPS counts are exact; the points themselves carry
 * no more than the class.
 */
const NPS_11: BuiltInMap = {
  name: 'NPS end points and classes',
  points: 11,
  positions: [
    [1, ['not at all likely', 'not likely at all', 'detractor']],
    [8, ['passive']],
    [11, ['extremely likely', 'promoter']],
  ],
};

/** Zendesk's CSAT: good or bad, a 2-point scale (bad = the low point, good = the high one). */
const GOOD_BAD_2: BuiltInMap = {
  name: 'good / bad',
  points: 2,
  positions: [
    [1, ['bad', 'bad_with_comment']],
    [2, ['good', 'good_with_comment']],
  ],
};

export const BUILT_IN_MAPS: readonly BuiltInMap[] = [SATISFACTION_5, AGREEMENT_5, AGREEMENT_7, NPS_11, GOOD_BAD_2];

/** The built-in labels for a scale, as [label, point] pairs. */
export function builtInLabels(scale: Scale): [string, number][] {
  const points = scale.hi - scale.lo + 1;
  const out = new Map<string, number>();
  for (const map of BUILT_IN_MAPS) {
    if (map.points !== points) continue;
    for (const [position, labels] of map.positions) for (const label of labels) out.set(label, scale.lo + position - 1);
  }
  return [...out];
}

/**
 * The built-in labels for the scale (or, for a role with its own answer words, those: a yes/no
 * column reads "yes" and "no", not Zendesk's "good" and "bad"), then the config file's (normalized; they win).
 */
export function labelsFor(scale: Scale, configured: Record<string, number> | undefined, own?: readonly (readonly [string, number])[]): [string, number][] {
  const out = new Map<string, number>(own ?? builtInLabels(scale));
  for (const [label, value] of Object.entries(configured ?? {})) out.set(normalizeLabel(label), value);
  return [...out];
}

/**
 * The 5-point agreement scale, when a column's answers are all its labels (Microsoft Forms' Likert:
 * Strongly disagree … Strongly agree, no "somewhat"): read on 1–5, not spread over CES's default 1–7
 * as 1/2/4/6/7, which would move the mean. Null when any answer is a number, another label, or a
 * label only the 7-point scale has.
 */
export function agreementFiveScale(values: string[]): Scale | null {
  const five = new Set(AGREEMENT_5.positions.flatMap(([, labels]) => labels));
  const filled = values.map(normalizeLabel).filter((v) => v !== '');
  return filled.length > 0 && filled.every((v) => five.has(v)) && filled.some((v) => v !== 'neutral') ? { lo: 1, hi: 5 } : null;
}
