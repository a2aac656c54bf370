#!/usr/bin/python3
"""Reference values for `cxm check` and `cxm report`, computed independently.

Regenerate (only when cases change; the JSON is committed and the tests never run Python or R):

    /usr/bin/python3 test/reference/check_report.py    # needs scipy, statsmodels; calls /usr/bin/Rscript

Run from the repository root. Writes test/reference/check-report.json.

Sources of truth (the fixture is read with the csv module, as in trend_compare.py, whose estimates,
differences and R p.adjust this script reuses):
- A minimum check's p-value is the test its interval implies, written out per method:
  NPS adjusted Wald: 2·Φ(−|T − c̃|/se) on the adjusted centre c̃ and se of docs/methods.md;
  CSAT/CES % Wilson: statsmodels proportions_ztest(value=T, prop_var=T) (the score test Wilson inverts);
  means: scipy ttest_1samp(popmean=T).
  p is 1 when the centre is on the threshold's passing side (credible) or failing side (assured).
- A drop check's p is a test against the allowance D, never against 0 (issue 14): H0 "the change is −D",
  one direction (credible: evidence the drop is more than D; assured: evidence it is at most D; p = 1
  when the estimate is on the other side): NPS by the adjusted-difference formula, percents by
  inverting Newcombe's interval at −D (newcombe_ref.py), means by statsmodels
  CompareMeans.ttest_ind(usevar="unequal", value=−D).
- All p-values of a run are adjusted together by R p.adjust (Holm unless --adjust says otherwise).
- Verdicts follow the rules as docs/commands/check.md states them, coded here from that text.
- report: the current and previous period and the last periods of the trend, from zoneinfo dates;
  headlines and segment tables by trend_compare.compare_rows (per --by column); trend estimates.
"""
import datetime as dt
import json
import math
import os
import sys

from scipy import stats
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trend_compare as tc  # noqa: E402
from newcombe_ref import newcombe_p  # noqa: E402

HERE = tc.HERE


def nps_centre_se(values):
    centre, variance, n = tc.nps_parts(values, True)
    return centre, math.sqrt(variance / n)


def min_p(values, metric, threshold, side):
    """side 'below' (credible: evidence the score is under T) or 'above' (assured: evidence it is at or over T)."""
    if metric == "nps":
        centre, se = nps_centre_se(values)
        t = threshold / 100
        gap = (t - centre) if side == "below" else (centre - t)
        return 1.0 if gap <= 0 else float(2 * stats.norm.sf(gap / se))
    if metric in ("csat", "ces"):
        lo, hi = tc.BAND[metric]
        x = sum(1 for v in values if lo <= v <= hi)
        n = len(values)
        t = threshold / 100
        gap = (t - x / n) if side == "below" else (x / n - t)
        if gap <= 0:
            return 1.0
        _, p = proportions_ztest(x, n, value=t, prop_var=t)
        return float(p)
    mean = sum(values) / len(values)
    gap = (threshold - mean) if side == "below" else (mean - threshold)
    return 1.0 if gap <= 0 else float(stats.ttest_1samp(values, threshold).pvalue)


def drop_p(current, baseline, metric, allowed, side):
    """Evidence about the change current − baseline against −allowed.

    side 'above' (assured): the change is above −allowed, i.e. the drop is within the allowance;
    side 'below' (credible): the change is below −allowed, i.e. the drop is more than the allowance.
    """
    sign = 1 if side == "above" else -1
    if metric == "nps":
        ca, va, na = tc.nps_parts(current, True)
        cb, vb, nb = tc.nps_parts(baseline, True)
        centre = ca - cb
        se = math.sqrt(va / na + vb / nb)
        gap = sign * (centre + allowed / 100)
        return 1.0 if gap <= 0 else float(2 * stats.norm.sf(gap / se))
    if metric in ("csat", "ces"):
        lo, hi = tc.BAND[metric]
        xa = sum(1 for v in current if lo <= v <= hi)
        xb = sum(1 for v in baseline if lo <= v <= hi)
        return newcombe_p(xa, len(current), xb, len(baseline), -allowed / 100, side)
    x, y = DescrStatsW(current), DescrStatsW(baseline)
    gap = sign * (x.mean - y.mean + allowed)
    if gap <= 0:
        return 1.0
    return float(CompareMeans(x, y).ttest_ind(usevar="unequal", value=-allowed)[1])


def check_opts(args):
    o = tc.opts(args)
    o.update(rule="credible", adjust="holm", min={}, max_drop={}, baseline=None, as_of=None, on_low_base="warn")
    for i, a in enumerate(args):
        value = args[i + 1] if i + 1 < len(args) else None
        if a == "--rule":
            o["rule"] = value
        elif a == "--adjust":
            o["adjust"] = value
        elif a in ("--min", "--max-drop"):
            for spec in value.split(","):
                name, number = spec.split("=")
                o["min" if a == "--min" else "max_drop"][name] = float(number)
        elif a == "--baseline":
            o["baseline"] = value
        elif a == "--as-of":
            o["as_of"] = dt.date.fromisoformat(value)
    return o


def complete_periods(data, o):
    """(current, previous) as (label, first, last): the last period ending on or before as-of, and the one before."""
    as_of = o["as_of"] or max(tc.local_day(r, o["tz"]) for r in data)
    start = tc.period_start(as_of, o["every"], o["week_start"])
    end = tc.next_start(start, o["every"]) - dt.timedelta(days=1)
    if end > as_of:
        end = start - dt.timedelta(days=1)
        start = tc.period_start(end, o["every"], o["week_start"])
    prev_end = start - dt.timedelta(days=1)
    prev_start = tc.period_start(prev_end, o["every"], o["week_start"])
    return (tc.label(start, o["every"], o["week_start"]), start, end), (tc.label(prev_start, o["every"], o["week_start"]), prev_start, prev_end), as_of


def in_days(data, o, first, last):
    return [r for r in data if first <= tc.local_day(r, o["tz"]) <= last]


def check_case(args):
    o = check_opts(args)
    level = o["level"]
    current = tc.read_fixture(args[1])
    baseline = None
    if o["baseline"]:
        baseline = tc.read_fixture(o["baseline"])
    elif o["every"] and "--every" in args:
        cur, prev, _ = complete_periods(current, o)
        baseline = in_days(current, o, prev[1], prev[2])
        current = in_days(current, o, cur[1], cur[2])
    keys = sorted({tuple(r[d] for d in o["by"]) for r in current + (baseline or [])}) if o["by"] else []
    targets = [((), {})] + [(k, dict(zip(o["by"], k))) for k in keys]
    rows = []
    for metric in ["nps", "csat", "ces", "csat-mean", "ces-mean"]:
        for kind, table in (("min", o["min"]), ("max-drop", o["max_drop"])):
            if metric not in table:
                continue
            threshold = table[metric]
            for key, group in targets:
                pick = (lambda rs: rs) if key == () else (lambda rs, key=key: [r for r in rs if tuple(r[d] for d in o["by"]) == key])
                c = tc.answers(pick(current), metric)
                row = {"kind": kind, "metric": metric, "group": group, "threshold": threshold, "n": len(c), "p": None, "inFamily": False}
                if kind == "min":
                    e = tc.estimate(c, metric, level, o["nps_method"])
                    row.update(value=e["value"], lower=e["lower"], upper=e["upper"])
                    if len(c) < o["min_n"] or e["value"] is None:
                        row["status"] = "low-base"
                    elif o["rule"] == "point":
                        row["status"] = "pass" if e["value"] >= threshold else "fail"
                    else:
                        row["p"] = min_p(c, metric, threshold, "below" if o["rule"] == "credible" else "above")
                        row["inFamily"] = True
                else:
                    b = tc.answers(pick(baseline), metric)
                    d = tc.difference(c, b, metric, level, o["nps_method"])
                    row.update(value=-d["diff"], lower=-d["upper"], upper=-d["lower"])
                    row["current"] = {"n": len(c), "value": tc.estimate(c, metric, level, o["nps_method"])["value"]}
                    row["baseline"] = {"n": len(b), "value": tc.estimate(b, metric, level, o["nps_method"])["value"]}
                    if len(c) < o["min_n"] or len(b) < o["min_n"]:
                        row["status"] = "low-base"
                    elif o["rule"] == "point":
                        row["status"] = "pass" if row["value"] <= threshold else "fail"
                    else:
                        row["p"] = drop_p(c, b, metric, threshold, "below" if o["rule"] == "credible" else "above")
                        row["inFamily"] = True
                rows.append(row)
    family = [r for r in rows if r["inFamily"] and r["p"] is not None]
    if family:
        [adjusted] = tc.r_p_adjust([(o["adjust"], [r["p"] for r in family])])
        for r, a in zip(family, adjusted):
            r["pAdjusted"] = a
    alpha = 1 - level
    for r in rows:
        r.setdefault("pAdjusted", None)
        if r.pop("inFamily"):
            evidence = r["pAdjusted"] is not None and r["pAdjusted"] < alpha
            if o["rule"] == "credible" and r["kind"] == "min":
                r["status"] = "fail" if evidence else "pass"
            elif o["rule"] == "credible":
                r["status"] = "fail" if evidence else "pass"
            else:
                r["status"] = "pass" if evidence else "fail"
    return {"args": args, "checks": rows}


def report_case(args):
    o = tc.opts(args)
    o["as_of"] = None
    for i, a in enumerate(args):
        if a == "--as-of":
            o["as_of"] = dt.date.fromisoformat(args[i + 1])
        if a == "--history":
            o["history"] = int(args[i + 1])
    history = o.get("history", 12)
    data = tc.read_fixture(args[1])
    if o["as_of"]:
        data = [r for r in data if tc.local_day(r, o["tz"]) <= o["as_of"]]
    cur, prev, as_of = complete_periods(data, o)
    current = in_days(data, o, cur[1], cur[2])
    previous = in_days(data, o, prev[1], prev[2])
    headlines = tc.compare_rows(current, previous, {**o, "by": []})
    segments = []
    for column in o["by"]:
        rows = tc.compare_rows(current, previous, {**o, "by": [column]})
        segments.append({"column": column, "rows": [r for r in rows if r["group"]]})
    # the trend: up to `history` periods ending with the current one, none before the first dated answer
    first_day = min(tc.local_day(r, o["tz"]) for r in data)
    periods = [p for p in tc.periods_between(first_day, cur[2], o["every"], o["week_start"])][-history:]
    trend = []
    for metric in o["metrics"]:
        for name, start, end in periods:
            e = tc.estimate(tc.answers(in_days(data, o, start, end), metric), metric, o["level"], o["nps_method"])
            trend.append({"metric": metric, "group": {"period": name}, **e})
    return {
        "args": args,
        "current": {"period": cur[0], "start": cur[1].isoformat(), "end": cur[2].isoformat()},
        "previous": {"period": prev[0], "start": prev[1].isoformat(), "end": prev[2].isoformat()},
        "asOf": as_of.isoformat(),
        "headlines": headlines,
        "segments": segments,
        "trend": trend,
    }


def main():
    payload = {
        "check": [
            check_case(["check", "fixtures/responses.csv", "--min", "nps=30,csat=80,csat-mean=3.9", "--by", "region"]),
            check_case(["check", "fixtures/responses.csv", "--min", "nps=20,csat=60,ces=70", "--by", "plan", "--rule", "assured", "--min-n", "20"]),
            check_case(["check", "fixtures/responses.csv", "--min", "nps=30,ces-mean=5", "--by", "channel", "--rule", "point"]),
            check_case(["check", "fixtures/responses.csv", "--every", "month", "--max-drop", "nps=5,csat=3", "--min", "nps=25",
                        "--by", "region", "--min-n", "15", "--adjust", "bh"]),
            check_case(["check", "fixtures/compare/2026-q2.csv", "--baseline", "fixtures/compare/2026-q1.csv", "--max-drop",
                        "csat=3,nps=2,csat-mean=0.1", "--by", "plan"]),
            check_case(["check", "fixtures/compare/2026-q2.csv", "--baseline", "fixtures/compare/2026-q1.csv", "--max-drop",
                        "csat=20,nps=30,ces-mean=1", "--rule", "assured", "--level", "0.9"]),
            check_case(["check", "fixtures/responses.csv", "--every", "week", "--as-of", "2026-03-04", "--max-drop", "nps=10",
                        "--min-n", "5", "--tz", "America/New_York", "--rule", "assured", "--adjust", "none"]),
        ],
        "report": [
            report_case(["report", "fixtures/responses.csv", "--every", "month", "--by", "region,plan", "--as-of", "2026-06-30"]),
            report_case(["report", "fixtures/responses.csv", "--every", "week", "--by", "channel", "--metric", "nps,csat-mean",
                         "--min-n", "10", "--tz", "Europe/Berlin", "--as-of", "2026-05-13", "--history", "8"]),
        ],
    }
    with open(os.path.join(HERE, "check-report.json"), "w") as handle:
        json.dump(payload, handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
