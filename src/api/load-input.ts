/**
 * Where a command's data set comes from: responses read and folded (`load`), or tally files merged
 * (`--tallies`, `loadTallies`).
 */
import { UsageError } from '../model/errors.js';
import { formatCivil } from '../time/calendar.js';
import type { TallyPeriod } from '../model/tally-file.js';
import type { DateRequest } from '../time/date-plan.js';
import type { Loaded } from '../fold/load.js';
import type { PeriodRequest } from '../fold/load-tallies.js';
import type { CommonOptions } from '../options/common-options.js';
import { stdinOf, type RunContext } from './context.js';

export interface InputRequest {
  /** the files of this side (compare); the command's files by default */
  files?: string[];
  /** trend and compare --period: the date dimension; with --tallies, the period settings the user gave */
  date?: DateRequest;
  period?: PeriodRequest;
}

export async function loadInput(o: Omit<CommonOptions, 'format'>, context: RunContext, request: InputRequest = {}): Promise<Loaded & { period?: TallyPeriod | null }> {
  const files = request.files ?? o.files;
  if (o.tallies) {
    if (request.date && !request.period) throw new UsageError('--tallies cannot be compared by --period/--against', 'compare two tally files instead: cxm compare --tallies CURRENT BASELINE');
    refuseRowOptions(o, request);
    const { loadTallies } = await import('../fold/load-tallies.js');
    const loaded = await loadTallies({ ...o, files, stdin: stdinOf(context, files), ...(request.period ? { period: request.period } : {}) });
    // weighted tallies (their meta names the weight column) are scored and shown as a weighted run
    if (loaded.enrich.weight) o.weighted = true;
    else if (o.variance === 'linearized') throw new UsageError('--variance linearized needs weighted tallies', 'the tally files carry no weights: count them with --weight COLUMN --emit tallies');
    return loaded;
  }
  const { load } = await import('../fold/load.js');
  return load({ ...o, files, stdin: stdinOf(context, files), ...(context.progress ? { progressDisplay: context.progress } : {}), ...(request.date ? { date: request.date } : {}) });
}

/**
 * The enrichment options work on responses as they are read; tally files are already counted. Apply
 * them when counting (`cxm score … --where … --weight … --emit tallies`). A trend's --since/--until
 * select periods of the tallies and stay allowed.
 */
function refuseRowOptions(o: Omit<CommonOptions, 'format'>, request: InputRequest): void {
  const trendBounds = request.period?.since !== undefined || request.period?.until !== undefined;
  const used = [
    o.where.length ? '--where' : '',
    (o.since !== null || o.until !== null) && !trendBounds ? '--since/--until' : '',
    o.weight !== undefined ? '--weight' : '',
    o.join ? '--join' : '',
    o.per !== undefined ? '--per' : '',
    o.tags ? '--tags' : '',
  ].filter(Boolean);
  if (used.length) {
    throw new UsageError(`${used.join(', ')} ${used.length === 1 ? 'reads' : 'read'} responses; tally files are already counted`, 'apply them while counting: cxm score RESPONSES … --emit tallies');
  }
}

/**
 * check and report count by day and regroup the days: from tallies, those must be counted by day. An
 * `--as-of` day leaves later rows out while counting, so it must be the tallies' `--until`.
 */
export function dayTallyRequest(o: Omit<CommonOptions, 'format'>, asOf: number | null): PeriodRequest {
  return {
    every: 'day',
    ...(o.given.includes('tz') ? { timeZone: o.timeZone } : {}),
    ...(o.given.includes('date') && o.dateColumn !== undefined ? { date: o.dateColumn } : {}),
    ...(asOf !== null ? { until: formatCivil(asOf) } : {}),
  };
}
