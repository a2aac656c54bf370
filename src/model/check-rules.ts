/**
 * The vocabulary of `cxm check` thresholds, shared by the config file schema and the check itself:
 * how a threshold is judged (the rule) and what a low-base check does to the run.
 */
/** point: the estimate alone · credible: fail only on evidence · assured: pass only on evidence */
export const CHECK_RULES = ['credible', 'point', 'assured'] as const;
export type CheckRule = (typeof CHECK_RULES)[number];

/** What a check with too few answers does to the run: nothing, a warning, or a failure. */
export const ON_LOW_BASE = ['pass', 'warn', 'fail'] as const;
export type OnLowBase = (typeof ON_LOW_BASE)[number];

/** What stale data (no answer in the period a check or report looks at) does to the run: fail (default), a warning, or nothing. */
export const ON_STALE = ['fail', 'warn', 'pass'] as const;
export type OnStale = (typeof ON_STALE)[number];
