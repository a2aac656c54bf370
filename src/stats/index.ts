/**
 * Public surface of the statistics layer: re-exports only (one function per file).
 * Import from here: `import { npsInterval, proportionInterval } from '../stats/index.js'`.
 */
export * from './types.js';
export * from './agresti-coull-interval.js';
export * from './beta-power-terms.js';
export * from './beta-quantile.js';
export * from './binomial-sample.js';
export * from './check-count.js';
export * from './check-level.js';
export * from './check-nps-counts.js';
export * from './check-proportion-counts.js';
export * from './clopper-pearson-interval.js';
export * from './difference-result.js';
export * from './erfc.js';
export * from './interval-estimate.js';
export * from './interval-exclusion-p.js';
export * from './jeffreys-interval.js';
export * from './kish-effective-n.js';
export * from './log-gamma.js';
export * from './mean-difference-test.js';
export * from './mean-interval.js';
export * from './no-estimate.js';
export * from './normal-cdf.js';
export * from './normal-critical-value.js';
export * from './normal-quantile.js';
export * from './nps-adjusted-wald-interval.js';
export * from './nps-bootstrap-interval.js';
export * from './nps-difference-test.js';
export * from './nps-interval.js';
export * from './nps-score-interval.js';
export * from './nps-variance.js';
export * from './nps-wald-interval.js';
export * from './p-adjust.js';
export * from './proportion-interval.js';
export * from './regularized-incomplete-beta.js';
export * from './seeded-random.js';
export * from './student-t-cdf.js';
export * from './student-t-quantile.js';
export * from './summarize-scale-counts.js';
export * from './two-proportion-test.js';
export * from './two-sided-normal-p.js';
export * from './wald-interval.js';
export * from './weighted-nps-linearized-interval.js';
export * from './weighted-nps-linearized-se.js';
export * from './wilson-cc-interval.js';
export * from './wilson-interval.js';
