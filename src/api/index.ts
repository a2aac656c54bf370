/**
 * cxm as a library: `import { score, render } from 'cxm'`. Each command is an async function of the
 * input files and an options object whose keys are the command's long flags in camel case; it
 * resolves to the schema-v1 object `--format json` writes, and rejects with a UsageError or an
 * InputError where the command line would exit 2. docs/api.md has the details and an example.
 */
export { score, type ScoreOptions } from './score.js';
export { crosstab, type CrosstabOptions } from './crosstab.js';
export { trend, type TrendOptions } from './trend.js';
export { compare, type CompareOptions } from './compare.js';
export { drivers, type DriversOptions } from './drivers.js';
export { rank, type RankOptions } from './rank.js';
export { plan, type PlanOptions } from './plan.js';
export { check, type CheckOptions, type CheckVerdicts } from './check.js';
export { report, type ReportOptions } from './report.js';
export { followup, type FollowupOptions } from './followup.js';
export { inspect, type InspectOptions } from './inspect.js';
export { sql, type SqlOptions } from './sql.js';
export { readTallies, type TalliesOptions, type TallyRow } from './tallies.js';
export { render, type Renderable, type RenderFormat, type RenderOptions } from './render.js';
export type { RunContext } from './context.js';
export { version } from './version.js';
export { InputError, UsageError, isCxmError, type CxmError, type Place } from '../model/errors.js';
export type { ScoreResult } from '../analysis/score.js';
export type { CrosstabResult } from '../analysis/crosstab.js';
export type { TrendResult } from '../analysis/trend.js';
export type { CompareResult } from '../analysis/compare.js';
export type { DriversResult } from '../analysis/drivers.js';
export type { RankResult } from '../analysis/rank.js';
export type { PlanResult } from '../analysis/plan.js';
export type { CheckResult } from '../analysis/check.js';
export type { CheckJson } from '../report/check.js';
export type { ReportResult } from '../analysis/period-report.js';
export type { FollowupResult } from '../analysis/followup.js';
export type { InspectResult } from '../analysis/inspect.js';
export type { InputSummary, Warning } from '../analysis/result.js';
