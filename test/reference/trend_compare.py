#!/usr/bin/python3
"""Reference values for cxm's dates, periods, trend, crosstab and compare, computed independently.

Regenerate (only when cases change; the JSON is committed and the tests never run Python or R):

    /usr/bin/python3 test/reference/trend_compare.py    # needs scipy, statsmodels; calls /usr/bin/Rscript

Run from the repository root. Writes test/reference/trend-compare.json.

Sources of truth:
- ISO weeks: datetime.date.isocalendar(); weeks starting on Sunday: the CDC MMWR definition (week 1
  ends on the first Saturday of January that is at least four days into the month), coded here from
  that definition, not from cxm's formula.
- Time zones: zoneinfo (the system tz database) converting each instant to a local date.
- Date parsing: datetime.fromisoformat and explicit arithmetic for unix times and zone words.
- Command results: the fixture CSV read with the csv module, bucketed with zoneinfo, and every
  estimate and test recomputed: NPS (adjusted) Wald intervals and difference tests from docs/methods.md's
  formulas, Wilson intervals (statsmodels proportion_confint), Newcombe hybrid score
  difference intervals (statsmodels confint_proportions_2indep(method="newcomb")) with the p that inverts them
  (newcombe_ref.py),
  Student t intervals and Welch tests on the raw answers (statsmodels DescrStatsW / CompareMeans,
  scipy ttest_ind), and p-value adjustment by R p.adjust (cross-checked with statsmodels
  multipletests).
"""
import csv
import datetime as dt
import json
import math
import sys
import os
import random
import subprocess
import tempfile
from zoneinfo import ZoneInfo

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from newcombe_ref import newcombe_ci, newcombe_p  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


# ---------------------------------------------------------------- calendar
def mmwr_week1_start(year):
    """Sunday that starts MMWR week 1: the week ends on the first Saturday of January >= 4 January."""
    saturday = dt.date(year, 1, 1)
    while saturday.weekday() != 5 or saturday.day < 4:
        saturday += dt.timedelta(days=1)
    return saturday - dt.timedelta(days=6)


def mmwr_week(day):
    year = day.year + 1
    while mmwr_week1_start(year) > day:
        year -= 1
    start = mmwr_week1_start(year)
    return year, (day - start).days // 7 + 1


def week_label(day, week_start):
    if week_start == "monday":
        y, w, _ = day.isocalendar()
    else:
        y, w = mmwr_week(day)
    return f"{y:04d}-W{w:02d}"


def week_first_day(day, week_start):
    back = day.weekday() if week_start == "monday" else (day.weekday() + 1) % 7
    return day - dt.timedelta(days=back)


def label(day, every, week_start="monday"):
    if every == "day":
        return day.isoformat()
    if every == "week":
        return week_label(day, week_start)
    if every == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if every == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}"


def period_start(day, every, week_start="monday"):
    if every == "day":
        return day
    if every == "week":
        return week_first_day(day, week_start)
    if every == "month":
        return day.replace(day=1)
    if every == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year, 1, 1)


def next_start(start, every):
    if every == "day":
        return start + dt.timedelta(days=1)
    if every == "week":
        return start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[every]
    m = start.month - 1 + months
    return dt.date(start.year + m // 12, m % 12 + 1, 1)


def periods_between(first_day, last_day, every, week_start):
    """[(label, start, end)] for every period from the one holding first_day to the one holding last_day."""
    out = []
    start = period_start(first_day, every, week_start)
    while start <= last_day:
        nxt = next_start(start, every)
        out.append((label(start, every, week_start), start, nxt - dt.timedelta(days=1)))
        start = nxt
    return out


def iso_weeks():
    days = []
    for year in range(2014, 2031):
        for month, day in [(12, 24), (12, 28), (12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8)]:
            days.append(dt.date(year, month, day))
    rng = random.Random(20260105)
    base = dt.date(1990, 1, 1).toordinal()
    days += [dt.date.fromordinal(base + rng.randrange(0, 60 * 366)) for _ in range(400)]
    cases = []
    for d in sorted(set(days)):
        cases.append({
            "date": d.isoformat(),
            "monday": week_label(d, "monday"),
            "mondayStart": week_first_day(d, "monday").isoformat(),
            "sunday": week_label(d, "sunday"),
            "sundayStart": week_first_day(d, "sunday").isoformat(),
            "month": label(d, "month"),
            "quarter": label(d, "quarter"),
            "year": label(d, "year"),
        })
    weeks = []
    for year in range(2000, 2041):
        try:
            dt.date.fromisocalendar(year, 53, 1)
            iso = 53
        except ValueError:
            iso = 52
        sunday = (mmwr_week1_start(year + 1) - mmwr_week1_start(year)).days // 7
        weeks.append({"year": year, "monday": iso, "sunday": sunday})
    return cases, weeks


def zones():
    names = ["UTC", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu",
             "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago",
             "America/Santiago", "Asia/Tokyo"]
    instants = []
    for text in ["2026-01-04T23:30:00", "2026-01-05T00:30:00", "2026-01-05T04:59:59", "2026-01-05T05:00:00",
                 "2026-03-08T06:59:59", "2026-03-08T07:00:00", "2026-03-29T00:59:59", "2026-03-29T01:00:00",
                 "2026-10-25T00:59:59", "2026-10-25T01:00:00", "2026-11-01T04:30:00", "2026-11-01T05:30:00",
                 "2026-04-04T14:59:59", "2026-04-04T15:00:00", "2026-09-05T03:59:59", "2026-09-06T04:00:00",
                 "2026-12-31T10:15:00", "2026-12-31T23:59:59"]:
        instants.append(dt.datetime.fromisoformat(text).replace(tzinfo=dt.timezone.utc))
    rng = random.Random(7)
    lo = int(dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    hi = int(dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    instants += [dt.datetime.fromtimestamp(rng.randrange(lo, hi), dt.timezone.utc) for _ in range(60)]
    cases = []
    for zone in names:
        for instant in instants:
            local = instant.astimezone(ZoneInfo(zone))
            cases.append({"zone": zone, "ms": int(instant.timestamp()) * 1000, "instant": instant.isoformat(), "date": local.date().isoformat()})
    return cases


def ms_of(aware):
    return round((aware - EPOCH).total_seconds() * 1000)


def wall_ms(naive):
    return round((naive - dt.datetime(1970, 1, 1)).total_seconds() * 1000)


def parsing():
    cases = []

    def zoned(text, value):
        cases.append({"text": text, "ms": ms_of(value), "zoned": True})

    def naive(text, value):
        cases.append({"text": text, "ms": wall_ms(value), "zoned": False})

    for text in ["2026-01-05T14:03:30Z", "2026-01-05T14:03:30+01:00", "2026-01-05T14:03:30-05:00", "2026-01-05T14:03:30.250Z",
                 "2026-01-05T14:03:30.123456+05:30", "2026-01-05 14:03:30+0100", "2026-01-05T14:03Z", "2023-03-31T15:35:23.446Z",
                 "2026-01-05T23:59:59-12:00", "2026-01-05T00:00:00+14:00", "2024-02-29T12:00:00Z", "2026-06-10T08:09:25+00:00"]:
        zoned(text, dt.datetime.fromisoformat(text))
    for text in ["2026-01-05", "2026-01-05 14:03:30", "2026-01-05T14:03:30", "2026-01-05T14:03", "2017-07-18 08:28:09",
                 "2024-10-05 02:39:31.5", "2000-02-29"]:
        naive(text, dt.datetime.fromisoformat(text))
    # zone words: explicit arithmetic
    for text, base, minutes in [("2023-11-14 22:13:20 UTC", "2023-11-14T22:13:20", 0), ("2023-11-14 23:13:20 GMT+1", "2023-11-14T23:13:20", 60),
                                ("2026-01-05 14:03:30 GMT", "2026-01-05T14:03:30", 0), ("2026-01-05 14:03:30 UTC-03:30", "2026-01-05T14:03:30", -210),
                                ("2026-01-05 14:03:30 GMT+05:45", "2026-01-05T14:03:30", 345), ("2026-01-05T14:03:30 -08", "2026-01-05T14:03:30", -480)]:
        zoned(text, dt.datetime.fromisoformat(base).replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes))))
    for seconds in [1767225600, 1767787200, 1000000000, 9999999999]:
        cases.append({"text": str(seconds), "ms": seconds * 1000, "zoned": True})
        cases.append({"text": str(seconds * 1000 + 123), "ms": seconds * 1000 + 123, "zoned": True})
    cases.append({"text": "1767225600.75", "ms": 1767225600750, "zoned": True})
    # regional layouts (05/01/2026) and zone abbreviations (CET) have their own reference: regional_dates.py
    bad = ["", "2026-13-01", "2026-02-30", "2025-02-29", "2026-01-05T24:00:00", "2026-01-05T12:60:00", "2026-1-5",
           "2026-01-05T14:03:30+1", "2026-01-05T14:03:30+19:00", "123456789", "12345678901", "2026-01-05X", "yesterday",
           "2026-01-05T14:03:30 XYZ", "1767225600000.5"]
    for text in bad:
        cases.append({"text": text, "ms": None, "zoned": None})
    return cases


# ---------------------------------------------------------------- the fixture, read independently
def read_fixture(path):
    with open(os.path.join(ROOT, path), newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for r in rows:
        when = dt.datetime.fromisoformat(r["submitted_at"].replace("Z", "+00:00"))
        out.append({
            "when": when,
            "region": r["region"], "plan": r["plan"], "channel": r["channel"],
            "nps": int(r["nps"]) if r["nps"].strip() else None,
            "csat": int(r["csat"]) if r["csat"].strip() else None,
            "ces": int(r["ces"]) if r["ces"].strip() else None,
        })
    return out


COLUMN = {"nps": "nps", "csat": "csat", "ces": "ces", "csat-mean": "csat", "ces-mean": "ces"}
SCALE = {"csat": (1, 5), "ces": (1, 7)}
BAND = {"csat": (4, 5), "ces": (5, 7)}


def answers(rows, metric):
    return [r[COLUMN[metric]] for r in rows if r[COLUMN[metric]] is not None]


def z_of(level):
    return stats.norm.ppf(1 - (1 - level) / 2)


def nps_parts(values, adjusted):
    d = sum(1 for v in values if v <= 6)
    a = sum(1 for v in values if 7 <= v <= 8)
    p = sum(1 for v in values if v >= 9)
    if adjusted:
        d, a, p = d + 0.75, a + 1.5, p + 0.75
    n = d + a + p
    nps = (p - d) / n
    return nps, p / n + d / n - nps * nps, n


def clip(x, lo, hi):
    return None if x is None else min(max(x, lo), hi)


def estimate(values, metric, level, nps_method):
    n = len(values)
    out = {"n": n, "value": None, "lower": None, "upper": None}
    if n == 0:
        return out
    if metric == "nps":
        raw, _, _ = nps_parts(values, False)
        centre, variance, m = nps_parts(values, nps_method == "adjusted-wald")
        half = z_of(level) * math.sqrt(variance / m)
        out.update(value=100 * raw, lower=100 * clip(centre - half, -1, 1), upper=100 * clip(centre + half, -1, 1))
    elif metric in ("csat", "ces"):
        lo, hi = BAND[metric]
        x = sum(1 for v in values if lo <= v <= hi)
        low, up = proportion_confint(x, n, alpha=1 - level, method="wilson")
        out.update(value=100 * x / n, lower=100 * low, upper=100 * up)
    elif n == 1:  # one answer: its value, no interval (issue 14)
        out.update(value=float(values[0]))
    elif n >= 2:  # an interval needs two answers
        lo, hi = SCALE[COLUMN[metric]]
        low, up = DescrStatsW(np.array(values, dtype=float)).tconfint_mean(alpha=1 - level)
        out.update(value=float(np.mean(values)), lower=clip(low, lo, hi), upper=clip(up, lo, hi))
    return out


def difference(a, b, metric, level, nps_method):
    """a − b: {diff, lower, upper, p} in display units, None where undefined."""
    none = {"diff": None, "lower": None, "upper": None, "p": None}
    if metric == "nps":
        if not a or not b:
            return none
        adjusted = nps_method != "wald"
        raw = nps_parts(a, False)[0] - nps_parts(b, False)[0]
        ca, va, na = nps_parts(a, adjusted)
        cb, vb, nb = nps_parts(b, adjusted)
        centre = ca - cb
        se = math.sqrt(va / na + vb / nb)
        half = z_of(level) * se
        p = None if se == 0 else float(2 * stats.norm.sf(abs(centre / se)))
        return {"diff": 100 * raw, "lower": 100 * clip(centre - half, -2, 2), "upper": 100 * clip(centre + half, -2, 2), "p": p}
    if metric in ("csat", "ces"):
        if not a or not b:
            return none
        lo, hi = BAND[metric]
        xa = sum(1 for v in a if lo <= v <= hi)
        xb = sum(1 for v in b if lo <= v <= hi)
        p = newcombe_p(xa, len(a), xb, len(b))
        low, up = newcombe_ci(xa, len(a), xb, len(b), level)
        return {"diff": 100 * (xa / len(a) - xb / len(b)), "lower": 100 * clip(low, -1, 1), "upper": 100 * clip(up, -1, 1), "p": p}
    if len(a) < 2 or len(b) < 2:
        return none
    x, y = np.array(a, dtype=float), np.array(b, dtype=float)
    if x.var() == 0 and y.var() == 0:
        return {"diff": float(x.mean() - y.mean()), "lower": float(x.mean() - y.mean()), "upper": float(x.mean() - y.mean()), "p": None}
    p = float(stats.ttest_ind(x, y, equal_var=False).pvalue)
    low, up = CompareMeans(DescrStatsW(x), DescrStatsW(y)).tconfint_diff(alpha=1 - level, usevar="unequal")
    return {"diff": float(x.mean() - y.mean()), "lower": float(low), "upper": float(up), "p": p}


def r_p_adjust(families):
    """[(method, [p, ...])] → adjusted lists, by R's p.adjust (one Rscript run), checked against statsmodels."""
    if not families:
        return []
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        for i, (method, ps) in enumerate(families):
            for p in ps:
                handle.write(f"{i} {method} {p!r}\n")
        name = handle.name
    script = (
        f'd <- read.table("{name}", col.names = c("f", "m", "p"), colClasses = c("integer", "character", "numeric"));'
        'for (f in unique(d$f)) { s <- d[d$f == f, ]; m <- c(bh = "BH", holm = "holm", none = "none")[[s$m[1]]];'
        'cat(f, sprintf("%.17g", p.adjust(s$p, m)), "\\n") }'
    )
    out = subprocess.run(["/usr/bin/Rscript", "-e", script], check=True, capture_output=True, text=True).stdout
    os.unlink(name)
    result = {}
    for line in out.strip().splitlines():
        parts = line.split()
        result[int(parts[0])] = [float(v) for v in parts[1:]]
    adjusted = []
    for i, (method, ps) in enumerate(families):
        values = result[i]
        if method != "none":
            check = multipletests(ps, method={"bh": "fdr_bh", "holm": "holm"}[method])[1]
            assert np.allclose(values, check, rtol=1e-12, atol=0), (method, ps)
        adjusted.append(values)
    return adjusted


def adjust_rows(rows, key, method, level):
    """Sets pAdjusted/significant on rows whose `key` dict is in the family (inFamily true)."""
    family = [r for r in rows if r["inFamily"]]
    if family:
        [values] = r_p_adjust([(method, [r[key]["p"] for r in family])])
        for r, v in zip(family, values):
            r[key]["pAdjusted"] = v
    for r in rows:
        r[key].setdefault("pAdjusted", None)
        r[key]["significant"] = r[key]["pAdjusted"] is not None and r[key]["pAdjusted"] < 1 - level
        del r["inFamily"]


def opts(args):
    """The few flags the cases use, with cxm's defaults."""
    o = {"every": "week", "by": [], "tz": "UTC", "week_start": "monday", "level": 0.95, "nps_method": "adjusted-wald",
         "min_n": 30, "adjust": "bh", "window": None, "metrics": ["nps", "csat", "ces"]}
    i = 0
    while i < len(args):
        a = args[i]
        value = args[i + 1] if i + 1 < len(args) else None
        if a == "--every": o["every"] = value
        elif a == "--by": o["by"] = value.split(",")
        elif a == "--tz": o["tz"] = value
        elif a == "--week-start": o["week_start"] = value
        elif a == "--level": o["level"] = float(value)
        elif a == "--method": o["nps_method"] = value.split("=")[1]
        elif a == "--min-n": o["min_n"] = int(value)
        elif a == "--adjust": o["adjust"] = value
        elif a == "--window": o["window"] = int(value)
        elif a == "--metric": o["metrics"] = value.split(",")
        elif a in ("--rows", "--cols", "--period", "--against"): o[a[2:]] = value
        else:
            i += 1
            continue
        i += 2
    return o


def local_day(row, tz):
    return row["when"].astimezone(ZoneInfo(tz)).date()


# ---------------------------------------------------------------- trend
def trend_case(args):
    o = opts(args)
    data = read_fixture(args[1])
    days = [local_day(r, o["tz"]) for r in data]
    periods = periods_between(min(days), max(days), o["every"], o["week_start"])
    index = {p[0]: i for i, p in enumerate(periods)}
    series = sorted({tuple(r[d] for d in o["by"]) for r in data}) if o["by"] else [()]
    out = []
    for metric in o["metrics"]:
        rows = []
        for key in series:
            buckets = [[] for _ in periods]
            for r, day in zip(data, days):
                if tuple(r[d] for d in o["by"]) == key and r[COLUMN[metric]] is not None:
                    buckets[index[label(day, o["every"], o["week_start"])]].append(r[COLUMN[metric]])
            for i, (name, start, end) in enumerate(periods):
                e = estimate(buckets[i], metric, o["level"], o["nps_method"])
                row = {"metric": metric, "group": {**dict(zip(o["by"], key)), "period": name}, "start": start.isoformat(), "end": end.isoformat(), **e,
                       "lowBase": e["n"] < o["min_n"], "inFamily": False}
                if i > 0:
                    d = difference(buckets[i], buckets[i - 1], metric, o["level"], o["nps_method"])
                    row["vsPrevious"] = {"period": periods[i - 1][0], **d}
                    row["inFamily"] = d["p"] is not None and e["n"] >= o["min_n"] and len(buckets[i - 1]) >= o["min_n"]
                else:
                    row["vsPrevious"] = {}
                if o["window"]:
                    if i + 1 >= o["window"]:
                        pooled = [v for b in buckets[i + 1 - o["window"]: i + 1] for v in b]
                        w = estimate(pooled, metric, o["level"], o["nps_method"])
                        row["rolling"] = {"periods": o["window"], **w}
                    else:
                        row["rolling"] = None
                rows.append(row)
        adjust_rows(rows, "vsPrevious", o["adjust"], o["level"])
        for r in rows:
            if not r["vsPrevious"] or r["vsPrevious"].get("period") is None:
                del r["vsPrevious"]
        out += rows
    return {"args": args, "rows": out}


# ---------------------------------------------------------------- crosstab
def crosstab_case(args):
    o = opts(args)
    data = read_fixture(args[1])
    a, b = o["rows"], o["cols"]
    out = []
    for metric in o["metrics"]:
        cells = []
        everyone = [r for r in data if r[COLUMN[metric]] is not None]
        for x in sorted({r[a] for r in data}):
            for y in sorted({r[b] for r in data}):
                inside = [r[COLUMN[metric]] for r in everyone if r[a] == x and r[b] == y]
                outside = [r[COLUMN[metric]] for r in everyone if not (r[a] == x and r[b] == y)]
                e = estimate(inside, metric, o["level"], o["nps_method"])
                d = difference(inside, outside, metric, o["level"], o["nps_method"])
                cells.append({"metric": metric, "group": {a: x, b: y}, **e, "lowBase": e["n"] < o["min_n"], "vsRest": d,
                              "inFamily": d["p"] is not None and e["n"] >= o["min_n"] and len(outside) > 0})
        adjust_rows(cells, "vsRest", o["adjust"], o["level"])
        out += cells
        for dim in (a, b):
            for v in sorted({r[dim] for r in data}):
                e = estimate([r[COLUMN[metric]] for r in everyone if r[dim] == v], metric, o["level"], o["nps_method"])
                out.append({"metric": metric, "group": {dim: v}, **e, "lowBase": e["n"] < o["min_n"]})
        e = estimate([r[COLUMN[metric]] for r in everyone], metric, o["level"], o["nps_method"])
        out.append({"metric": metric, "group": {}, **e, "lowBase": e["n"] < o["min_n"]})
    return {"args": args, "rows": out}


# ---------------------------------------------------------------- compare
def span_days(text, week_start):
    """The days of a period label or FROM..TO span (the labels these cases use)."""
    ends = text.split("..")

    def bounds(t):
        if "-W" in t:
            y, w = t.split("-W")
            for d in (dt.date(int(y), 1, 1) + dt.timedelta(days=k) for k in range(-7, 380)):
                if week_label(d, week_start) == t:
                    first = week_first_day(d, week_start)
                    return first, first + dt.timedelta(days=6)
        if "-Q" in t:
            y, q = t.split("-Q")
            first = dt.date(int(y), 3 * (int(q) - 1) + 1, 1)
            return first, next_start(first, "quarter") - dt.timedelta(days=1)
        first = dt.date.fromisoformat(t + "-01") if len(t) == 7 else dt.date.fromisoformat(t)
        return first, (next_start(first, "month") if len(t) == 7 else first + dt.timedelta(days=1)) - dt.timedelta(days=1)

    return bounds(ends[0])[0], bounds(ends[-1])[1]


def compare_rows(current, baseline, o):
    keys = sorted({tuple(r[d] for d in o["by"]) for r in current + baseline}) if o["by"] else []
    out = []
    for metric in o["metrics"]:
        families = [[((), {})]] + [[(k, dict(zip(o["by"], k))) for k in keys]] if keys else [[((), {})]]
        for family in families:
            rows = []
            for key, group in family:
                pick = (lambda rs: rs) if key == () else (lambda rs, key=key: [r for r in rs if tuple(r[d] for d in o["by"]) == key])
                c = answers(pick(current), metric)
                b = answers(pick(baseline), metric)
                ec = estimate(c, metric, o["level"], o["nps_method"])
                eb = estimate(b, metric, o["level"], o["nps_method"])
                d = difference(c, b, metric, o["level"], o["nps_method"])
                low = len(c) < o["min_n"] or len(b) < o["min_n"]
                rows.append({"metric": metric, "group": group, "current": ec, "baseline": eb, "test": d, "lowBase": low,
                             "inFamily": d["p"] is not None and not low})
            adjust_rows(rows, "test", o["adjust"], o["level"])
            for r in rows:
                t = r.pop("test")
                r.update(t)
            out += rows
    return out


def compare_periods_case(args):
    o = opts(args)
    data = read_fixture(args[1])
    cf, cl = span_days(o["period"], o["week_start"])
    bf, bl = span_days(o["against"], o["week_start"])
    current = [r for r in data if cf <= local_day(r, o["tz"]) <= cl]
    baseline = [r for r in data if bf <= local_day(r, o["tz"]) <= bl]
    return {"args": args, "rows": compare_rows(current, baseline, o)}


def compare_files_case(args):
    o = opts(args)
    return {"args": args, "rows": compare_rows(read_fixture(args[1]), read_fixture(args[2]), o)}


def main():
    weeks, weeks_in_year = iso_weeks()
    payload = {
        "isoWeeks": weeks,
        "weeksInYear": weeks_in_year,
        "zones": zones(),
        "parsing": parsing(),
        "trend": [
            trend_case(["trend", "fixtures/responses.csv", "--every", "week", "--metric", "nps,csat,csat-mean", "--min-n", "10"]),
            trend_case(["trend", "fixtures/responses.csv", "--every", "month", "--by", "region", "--metric", "nps", "--tz", "America/New_York",
                        "--adjust", "holm", "--min-n", "20", "--window", "2"]),
            trend_case(["trend", "fixtures/responses.csv", "--every", "week", "--week-start", "sunday", "--tz", "Asia/Kolkata",
                        "--metric", "nps,ces", "--method", "nps=wald", "--level", "0.9", "--window", "4", "--min-n", "10"]),
            trend_case(["trend", "fixtures/responses.csv", "--every", "day", "--tz", "Pacific/Chatham", "--metric", "ces-mean", "--min-n", "2"]),
        ],
        "crosstab": [
            crosstab_case(["crosstab", "fixtures/responses.csv", "--rows", "region", "--cols", "plan", "--metric", "nps,csat"]),
            crosstab_case(["crosstab", "fixtures/responses.csv", "--rows", "plan", "--cols", "channel", "--metric", "nps,ces-mean", "--adjust", "holm",
                           "--min-n", "20"]),
        ],
        "compare": [
            compare_periods_case(["compare", "fixtures/responses.csv", "--period", "2026-Q2", "--against", "2026-Q1", "--by", "region",
                                  "--metric", "nps,csat,ces-mean"]),
            compare_periods_case(["compare", "fixtures/responses.csv", "--period", "2026-W10..2026-W13", "--against", "2026-W06..2026-W09",
                                  "--tz", "Europe/Berlin", "--metric", "nps", "--by", "plan", "--adjust", "holm", "--method", "nps=wald",
                                  "--min-n", "10"]),
            compare_files_case(["compare", "fixtures/compare/2026-q2.csv", "fixtures/compare/2026-q1.csv", "--by", "region", "--metric", "nps,ces"]),
        ],
    }
    with open(os.path.join(HERE, "trend-compare.json"), "w") as handle:
        json.dump(payload, handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
