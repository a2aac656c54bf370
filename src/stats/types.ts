/**
 * Shared shapes of the statistics layer.
 *
 * Conventions used by every function in `src/stats`:
 *
 * - NPS lives on −1..1 and proportions on 0..1; callers multiply by 100 for display.
 * - `level` is the two-sided confidence level in (0, 1), e.g. 0.95, and
 *   z = Φ⁻¹(1 − α/2) with α = 1 − level.
 * - Counts may be non-integer (weighted data passes effective counts `share × nEff`).
 * - An interval is reported twice: unclipped (`lower`, `upper`, kept for further maths) and
 *   clipped to the parameter space (`lowerClipped`, `upperClipped`, for display).
 * - When an estimate is undefined (n = 0, n < 2 for a t interval) the numbers are `null`
 *   and `reason` says why; functions throw only on programmer error (negative count,
 *   level outside (0, 1), …).
 */

/**
 * Proportion interval methods accepted by `proportionInterval` (the default, Wilson, first).
 * Mapping to statsmodels' `proportion_confint` names: `wald` ↔ `normal`,
 * `clopper-pearson` ↔ `beta`, `agresti-coull` ↔ `agresti_coull`; `wilson-cc` is
 * R's `prop.test(correct = TRUE)` interval (Newcombe 1998 method 4).
 */
export const PROPORTION_METHODS = [
  'wilson',
  'wald',
  'wilson-cc',
  'agresti-coull',
  'clopper-pearson',
  'jeffreys',
] as const;
/** One of {@link PROPORTION_METHODS}. */
export type ProportionMethod = (typeof PROPORTION_METHODS)[number];
/** Default proportion method (Brown, Cai & DasGupta 2001). */
export const DEFAULT_PROPORTION_METHOD: ProportionMethod = 'wilson';

/** NPS interval methods accepted by `npsInterval` (the default, adjusted Wald, first). */
export const NPS_METHODS = ['adjusted-wald', 'wald', 'score', 'bootstrap'] as const;
/** One of {@link NPS_METHODS}. */
export type NpsMethod = (typeof NPS_METHODS)[number];
/** Default NPS method (Rocks 2016). */
export const DEFAULT_NPS_METHOD: NpsMethod = 'adjusted-wald';

/** Multiple-comparison adjustments accepted by `pAdjust` (R `p.adjust` "BH", "holm", "none"). */
export const P_ADJUST_METHODS = ['bh', 'holm', 'none'] as const;
/** One of {@link P_ADJUST_METHODS}. */
export type PAdjustMethod = (typeof P_ADJUST_METHODS)[number];

/** Default number of bootstrap resamples (docs/methods.md: B ≥ 2000). */
export const DEFAULT_BOOTSTRAP_RESAMPLES = 2000;

/** Default bootstrap seed when the caller gives none (R7: results must be reproducible). */
export const DEFAULT_BOOTSTRAP_SEED = 1;

/**
 * Pseudo-counts of the adjusted-Wald NPS interval (Rocks 2016; R `NPS::nps_test`
 * `pseudo_observations = c(0.75, 1.50, 0.75)`): 3 pseudo-responses in total.
 */
export const NPS_PSEUDO_COUNTS: Readonly<NpsCounts> = Object.freeze({
  detractors: 0.75,
  passives: 1.5,
  promoters: 0.75,
});

/** Counts of the three NPS classes (0–6, 7–8, 9–10 by default); may be non-integer. */
export interface NpsCounts {
  detractors: number;
  passives: number;
  promoters: number;
}

/** Sufficient statistics of a numeric answer: size, mean and sample variance (on n − 1). */
export interface ScaleSummary {
  /** Number of answers (effective n for weighted data). */
  n: number;
  /** Mean, or `null` when n = 0. */
  mean: number | null;
  /** Sample variance s² on n − 1, or `null` when n ≤ 1. */
  variance: number | null;
}

/** Closed range of an answer scale, e.g. `{ min: 1, max: 5 }`; used only to clip for display. */
export interface ScaleRange {
  min: number;
  max: number;
}

/** A two-sided interval: unclipped bounds plus a copy clipped to the parameter space. */
export interface Interval {
  /** Lower bound, unclipped (may leave the parameter space, e.g. a Wald NPS below −1). */
  lower: number;
  /** Upper bound, unclipped. */
  upper: number;
  /** Lower bound clipped to the parameter space (for display). */
  lowerClipped: number;
  /** Upper bound clipped to the parameter space (for display). */
  upperClipped: number;
}

/**
 * A point estimate with its confidence interval: the one result shape of every one-sample
 * interval function (proportions, NPS, means).
 *
 * When the estimate is undefined, `value` and all four bounds are `null` and `reason`
 * says why (e.g. "n/a (n=0)"). Otherwise `reason` is `null`.
 */
export interface IntervalEstimate<M extends string = string> {
  /** Method that produced the interval, e.g. `'wilson'`, `'adjusted-wald'`, `'t'`. */
  method: M;
  /** Confidence level in (0, 1). */
  level: number;
  /** Sample size (effective n for weighted data; may be non-integer). */
  n: number;
  /** The reported point estimate (raw proportion, raw NPS, mean), or `null`. */
  value: number | null;
  /** Lower bound, unclipped. */
  lower: number | null;
  /** Upper bound, unclipped. */
  upper: number | null;
  /** Lower bound clipped to the parameter space. */
  lowerClipped: number | null;
  /** Upper bound clipped to the parameter space. */
  upperClipped: number | null;
  /**
   * True when lower === upper (Wald at p = 0 or 1, n = 1; a mean with s = 0; a bootstrap with
   * one class only). Such an interval must never be presented as certainty.
   */
  zeroWidth: boolean;
  /** Why the estimate is undefined, or `null`. */
  reason: string | null;
}

/**
 * Result of a two-sample comparison (group 1 − group 2): the one result shape of
 * `npsDifferenceTest`, `twoProportionTest` and `meanDifferenceTest`.
 *
 * All numbers are `null` with a `reason` when the comparison is undefined (an empty group,
 * n < 2 for Welch). When only the test is undefined (its standard error is 0),
 * `statistic` and `p` are `null`, the interval is still given (zero width when its
 * standard error is 0 too) and `reason` says why.
 */
export interface DifferenceTest<M extends string = string> {
  /** Method, e.g. `'adjusted-wald'`, `'wald'`, `'pooled-z'`, `'unpooled-z'`, `'welch-t'`. */
  method: M;
  /** Confidence level in (0, 1). */
  level: number;
  /** Raw difference of the estimates, group 1 − group 2 (NPS₁ − NPS₂, p₁ − p₂, x̄₁ − x̄₂). */
  diff: number | null;
  /** Where the interval is centred: the adjusted difference for adjusted NPS, else `diff`. */
  center: number | null;
  /** Standard error used by the test statistic. */
  se: number | null;
  /** Standard error used by the interval (differs from `se` only for the pooled z test). */
  intervalSe: number | null;
  /** Test statistic: z for the normal tests, t for Welch. */
  statistic: number | null;
  /** Degrees of freedom (Welch–Satterthwaite) for the t test, `null` for z tests. */
  df: number | null;
  /** Two-sided p-value, accurate far into the tail (computed via erfc / the incomplete beta). */
  p: number | null;
  /** Signed interval of the difference, unclipped. */
  lower: number | null;
  /** Upper bound, unclipped. */
  upper: number | null;
  /** Lower bound clipped to the range of the difference (±2 for NPS, ±1 for proportions). */
  lowerClipped: number | null;
  /** Upper bound clipped to the range of the difference. */
  upperClipped: number | null;
  /** True when lower === upper. */
  zeroWidth: boolean;
  /** Why the test (or the whole comparison) is undefined, or `null`. */
  reason: string | null;
}

/** Per-class sufficient statistics of weighted responses (responses with weight > 0). */
export interface WeightedClassTally {
  /** Number of responses in the class. */
  count: number;
  /** Σ w over the class. */
  sumWeights: number;
  /** Σ w² over the class. */
  sumSquaredWeights: number;
}

/** Weighted tallies of the three NPS classes. */
export interface WeightedNpsTally {
  detractors: WeightedClassTally;
  passives: WeightedClassTally;
  promoters: WeightedClassTally;
}

/** Weighted NPS with its linearization (Taylor) standard error. */
export interface LinearizedNps {
  /** Number of responses (unweighted count). */
  n: number;
  /** Weighted NPS on −1..1, or `null`. */
  value: number | null;
  /** Linearized standard error, or `null` (n < 2 or Σw = 0). */
  se: number | null;
  /** Why `value`/`se` are `null`, or `null`. */
  reason: string | null;
}

/** Options of the bootstrap NPS interval. */
export interface BootstrapOptions {
  /** Seed of the pseudo-random generator (a safe integer); same seed ⇒ same interval. */
  seed?: number;
  /** Number of resamples B (at least 2000). */
  resamples?: number;
}
