#!/usr/bin/env python3
"""Independent reference for the enrichment options: weights, filters, joins, per-account roll-ups,
comment tags and drivers, on fixtures/responses.csv, fixtures/customers.csv and fixtures/tags.json.

Everything is recomputed here from the raw files: the join with a dict, the filters as hand-written
Python predicates (not cxm's expression language), tags with Python's `re`, per-account roll-ups with
plain Python, weighted shares with numpy, Kish's n_eff, weighted means and t intervals with statsmodels'
DescrStatsW, Wilson intervals and two-proportion tests with statsmodels, the linearized NPS variance from
its textbook formula per respondent, and Benjamini–Hochberg with statsmodels' multipletests. Writes
test/reference/enrich-fixture.json, which test/analysis/enrich-reference.test.ts compares with cxm.

Regenerate from the repository root:  /usr/bin/python3 test/reference/enrich_fixture.py
"""
import csv
import json
import os
import math
import sys
import re
from datetime import datetime

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from newcombe_ref import newcombe_ci, newcombe_p  # noqa: E402

LEVEL = 0.95
MIN_N = 30
Z = stats.norm.ppf(1 - (1 - LEVEL) / 2)

# ------------------------------------------------------------------ data: read, join, tag
responses = list(csv.DictReader(open("fixtures/responses.csv", newline="", encoding="utf-8")))
customers = {r["email"]: r for r in csv.DictReader(open("fixtures/customers.csv", newline="", encoding="utf-8"))}
rules = json.load(open("fixtures/tags.json", encoding="utf-8"))


def compile_rule(patterns):
    out = []
    for p in patterns:
        m = re.fullmatch(r"/(.+)/([a-z]*)", p, re.S)
        if m:
            out.append(("re", re.compile(m.group(1), re.I if "i" in m.group(2) else 0)))
        else:
            out.append(("kw", p.lower()))
    return out


compiled = {tag: compile_rule(ps) for tag, ps in rules.items()}


def tags_of(comment):
    found = [tag for tag, ps in compiled.items() if any((k == "kw" and v in comment.lower()) or (k == "re" and v.search(comment)) for k, v in ps)]
    return found or ["(untagged)"]


rows = []
for line_no, r in enumerate(responses):
    c = customers.get(r["email"].strip())
    row = dict(r)
    for col in ("account", "industry", "tier", "revenue"):
        row[col] = c[col] if c else ""
    row["tag"] = tags_of(r["comment"])
    row["order"] = line_no
    row["time"] = datetime.strptime(r["submitted_at"], "%Y-%m-%dT%H:%M:%SZ")
    rows.append(row)


def score(row, column):
    v = row[column].strip()
    return int(v) if v != "" else None


# ------------------------------------------------------------------ estimates from (value, weight) lists
def effective(pairs):
    """n, n_eff and weighted shares per value; equal weights are plain counts."""
    w = np.array([p[1] for p in pairs], dtype=float)
    n = len(pairs)
    if n == 0:
        return n, 0.0, w
    neff = w.sum() ** 2 / (w ** 2).sum()
    return n, neff, w


def nps_counts(pairs):
    n, neff, w = effective(pairs)
    total = w.sum()
    share = lambda pred: sum(wi for (v, _), wi in zip(pairs, w) if pred(v)) / total
    return share(lambda v: v <= 6) * neff, share(lambda v: 7 <= v <= 8) * neff, share(lambda v: v >= 9) * neff, n, neff


def adjusted(d, a, p):
    d, a, p = d + 0.75, a + 1.5, p + 0.75
    n = d + a + p
    nps = (p - d) / n
    return nps, p / n + d / n - nps * nps, n


def nps_estimate(pairs):
    d, a, p, n, neff = nps_counts(pairs)
    if n == 0:
        return {"n": 0, "nEff": 0, "value": None, "lower": None, "upper": None}
    centre, var, nt = adjusted(d, a, p)
    half = Z * math.sqrt(var / nt)
    return {"n": n, "nEff": neff, "value": 100 * (p - d) / neff, "lower": 100 * max(-1, centre - half), "upper": 100 * min(1, centre + half)}


def nps_diff(xs, ys):
    d1, a1, p1, n1, e1 = nps_counts(xs)
    d2, a2, p2, n2, e2 = nps_counts(ys)
    raw = (p1 - d1) / e1 - (p2 - d2) / e2
    c1, v1, m1 = adjusted(d1, a1, p1)
    c2, v2, m2 = adjusted(d2, a2, p2)
    se = math.sqrt(v1 / m1 + v2 / m2)
    centre = c1 - c2
    return {"diff": 100 * raw, "lower": 100 * (centre - Z * se), "upper": 100 * (centre + Z * se), "p": 2 * stats.norm.sf(abs(centre / se))}


def linearized(pairs):
    """weighted NPS and its linearization SE, per respondent: sqrt(n/(n-1) sum w^2 (s - nps)^2) / sum w"""
    s = np.array([1 if v >= 9 else -1 if v <= 6 else 0 for v, _ in pairs], dtype=float)
    w = np.array([wi for _, wi in pairs], dtype=float)
    n = len(s)
    nps = (w * s).sum() / w.sum()
    se = math.sqrt(n / (n - 1) * (w ** 2 * (s - nps) ** 2).sum()) / w.sum()
    return nps, se


def nps_linearized_estimate(pairs):
    nps, se = linearized(pairs)
    _, neff, _ = effective(pairs)
    return {"n": len(pairs), "nEff": neff, "value": 100 * nps, "lower": 100 * max(-1, nps - Z * se), "upper": 100 * min(1, nps + Z * se)}


def nps_linearized_diff(xs, ys):
    a, sa = linearized(xs)
    b, sb = linearized(ys)
    se = math.sqrt(sa ** 2 + sb ** 2)
    d = a - b
    return {"diff": 100 * d, "lower": 100 * (d - Z * se), "upper": 100 * (d + Z * se), "p": 2 * stats.norm.sf(abs(d / se))}


def band_counts(pairs, band):
    n, neff, w = effective(pairs)
    x = sum(wi for (v, _), wi in zip(pairs, w) if band[0] <= v <= band[1]) / w.sum() * neff
    return x, neff, n


def share_estimate(pairs, band):
    x, neff, n = band_counts(pairs, band)
    lo, hi = proportion_confint(x, neff, alpha=1 - LEVEL, method="wilson")
    return {"n": n, "nEff": neff, "value": 100 * x / neff, "lower": 100 * lo, "upper": 100 * hi}


def share_diff(xs, ys, band):
    x1, n1, _ = band_counts(xs, band)
    x2, n2, _ = band_counts(ys, band)
    lo, hi = newcombe_ci(x1, n1, x2, n2, LEVEL)
    return {"diff": 100 * (x1 / n1 - x2 / n2), "lower": 100 * lo, "upper": 100 * hi, "p": newcombe_p(x1, n1, x2, n2)}


def described(pairs):
    """DescrStatsW with the weights scaled to sum to n_eff: mean, variance on n_eff - 1, t interval on n_eff - 1 df"""
    n, neff, w = effective(pairs)
    x = np.array([v for v, _ in pairs], dtype=float)
    return DescrStatsW(x, weights=w * neff / w.sum(), ddof=1), n, neff


def mean_estimate(pairs, lo_scale, hi_scale):
    d, n, neff = described(pairs)
    lo, hi = d.tconfint_mean(alpha=1 - LEVEL)
    return {"n": n, "nEff": neff, "value": d.mean, "lower": max(lo_scale, lo), "upper": min(hi_scale, hi)}


def mean_diff(xs, ys):
    a, _, na = described(xs)
    b, _, nb = described(ys)
    va, vb = a.var / na, b.var / nb
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    d = a.mean - b.mean
    t = d / math.sqrt(va + vb)
    half = stats.t.ppf(1 - (1 - LEVEL) / 2, df) * math.sqrt(va + vb)
    return {"diff": d, "lower": d - half, "upper": d + half, "p": 2 * stats.t.sf(abs(t), df)}


METRICS = {
    "nps": ("nps", nps_estimate, nps_diff),
    "nps-linearized": ("nps", nps_linearized_estimate, nps_linearized_diff),
    "csat": ("csat", lambda p: share_estimate(p, (4, 5)), lambda a, b: share_diff(a, b, (4, 5))),
    "csat-mean": ("csat", lambda p: mean_estimate(p, 1, 5), mean_diff),
}


# ------------------------------------------------------------------ grouping helpers
def values_of(row, column):
    v = row[column]
    if isinstance(v, list):
        return v
    v = v.strip()
    return [v if v != "" else "(blank)"]


def pairs_of(data, column, weight):
    out = []
    for r in data:
        v = score(r, column)
        if v is not None:
            out.append((v, weight(r)))
    return out


def per_entity_pairs(data, column, entity, rule, weight):
    """one answer per entity: mean rounded half up, min, or latest by time (then by line); weight = mean row weight"""
    groups = {}
    for r in data:
        groups.setdefault(r[entity], []).append(r)
    out = []
    for _, members in sorted(groups.items()):
        answered = [(score(r, column), r) for r in members if score(r, column) is not None]
        if not answered:
            continue
        values = [v for v, _ in answered]
        if rule == "mean":
            v = math.floor(sum(values) / len(values) + 0.5)
        elif rule == "min":
            v = min(values)
        else:
            v = max(answered, key=lambda x: (x[1]["time"], x[1]["order"]))[0]
        out.append((v, sum(weight(r) for r in members) / len(members)))
    return out


def bh(rows, key="vsRest", weighted=False):
    """BH over the rows whose segment and rest (`_rest`, popped here) both reach MIN_N (n_eff when weighted)"""
    size = (lambda e: e["nEff"]) if weighted else (lambda e: e["n"])
    rests = [r.pop("_rest", None) for r in rows]
    family = [i for i, r in enumerate(rows) if size(r) >= MIN_N and (rests[i] is None or size(rests[i]) >= MIN_N) and r[key]["p"] is not None]
    adj = multipletests([rows[i][key]["p"] for i in family], method="fdr_bh")[1] if family else []
    for i, r in enumerate(rows):
        r[key]["pAdjusted"] = float(adj[family.index(i)]) if i in family else None


def unit(_):
    return 1.0


def revenue(r):
    return float(r["revenue"])


# ------------------------------------------------------------------ cases
def score_case(name, args, data, by, metrics, weight=unit, weighted=False, per=None):
    """cxm score: the total, then each value of `by` (tags expanded) against everyone outside it"""
    out = []
    for metric in metrics:
        column, estimate, versus = METRICS[metric]
        collect = (lambda d: per_entity_pairs(d, column, per[0], per[1], weight)) if per else (lambda d: pairs_of(d, column, weight))
        out.append({"metric": metric.replace("-linearized", ""), "group": {}, **estimate(collect(data))})
        segs = []
        for value in sorted({v for r in data for v in values_of(r, by)}, key=lambda v: (v in ("(blank)", "(untagged)"), v.lower())):
            inside = [r for r in data if value in values_of(r, by)]
            outside = [r for r in data if value not in values_of(r, by)]
            row = {"metric": metric.replace("-linearized", ""), "group": {by: value}, **estimate(collect(inside)), "vsRest": versus(collect(inside), collect(outside)),
                   "_rest": estimate(collect(outside))}
            segs.append(row)
        bh(segs, weighted=weighted)
        out.extend(segs)
    return {"name": name, "args": args, "weighted": weighted, "rows": out}


def drivers_case(name, args, data, by, metrics, weight=unit, weighted=False):
    """cxm drivers: every value of every --by column against the rest, share, impact = share × diff"""
    out = []
    for metric in metrics:
        column, estimate, versus = METRICS[metric]
        total_pairs = pairs_of(data, column, weight)
        out.append({"metric": metric, "group": {}, **estimate(total_pairs)})
        total_w = sum(w for _, w in total_pairs)
        segs = []
        for col in by:
            for value in sorted({v for r in data for v in values_of(r, col)}):
                inside = pairs_of([r for r in data if value in values_of(r, col)], column, weight)
                outside = pairs_of([r for r in data if value not in values_of(r, col)], column, weight)
                share = sum(w for _, w in inside) / total_w
                d = versus(inside, outside)
                rest = estimate(outside)
                segs.append({
                    "metric": metric, "dimension": col, "group": {col: value}, **estimate(inside), "share": share,
                    "rest": {"n": rest["n"], "value": rest["value"]}, "vsRest": d,
                    "impact": {"value": share * d["diff"], "lower": share * d["lower"], "upper": share * d["upper"]},
                    "overallMinusRest": estimate(total_pairs)["value"] - rest["value"],
                    "_rest": rest,
                })
        bh(segs, weighted=weighted)
        segs.sort(key=lambda s: s["impact"]["value"])
        out.extend(segs)
    return {"name": name, "args": args, "weighted": weighted, "rows": out}


def crosstab_case(name, args, data, a, b, metric):
    """cxm crosstab: cells against everyone outside them, and margins (each response once per value)"""
    column, estimate, versus = METRICS[metric]
    out = [{"metric": metric, "group": {}, **estimate(pairs_of(data, column, unit))}]
    va = sorted({v for r in data for v in values_of(r, a)})
    vb = sorted({v for r in data for v in values_of(r, b)})
    for v in va:
        out.append({"metric": metric, "group": {a: v}, **estimate(pairs_of([r for r in data if v in values_of(r, a)], column, unit))})
    for v in vb:
        out.append({"metric": metric, "group": {b: v}, **estimate(pairs_of([r for r in data if v in values_of(r, b)], column, unit))})
    cells = []
    for x in va:
        for y in vb:
            inside = [r for r in data if x in values_of(r, a) and y in values_of(r, b)]
            outside = [r for r in data if not (x in values_of(r, a) and y in values_of(r, b))]
            if not pairs_of(inside, column, unit):
                continue
            cells.append({"metric": metric, "group": {a: x, b: y}, **estimate(pairs_of(inside, column, unit)), "vsRest": versus(pairs_of(inside, column, unit), pairs_of(outside, column, unit))})
    return {"name": name, "args": args, "weighted": False, "rows": out + cells, "partial": True}


def quarter(r):
    return f"{r['time'].year}-Q{(r['time'].month - 1) // 3 + 1}"


def trend_case(name, args, data, metric, per):
    """cxm trend --every quarter --window 2 with --per: each quarter rolled up per account, each against
    the one before; the window rolled up per account over both quarters"""
    column, estimate, versus = METRICS[metric]
    collect = lambda d: per_entity_pairs(d, column, per[0], per[1], unit)
    quarters = sorted({quarter(r) for r in data})
    out = []
    for i, q in enumerate(quarters):
        now = [r for r in data if quarter(r) == q]
        row = {"metric": metric, "group": {"period": q}, **estimate(collect(now))}
        if i > 0:
            before = [r for r in data if quarter(r) == quarters[i - 1]]
            row["vsPrevious"] = versus(collect(now), collect(before))
            both = now + before
            row["rolling"] = estimate(collect(both))
        out.append(row)
    return {"name": name, "args": args, "weighted": False, "rows": out, "partial": True}


def compare_case(name, args, data, metric, weight, current, baseline):
    column, estimate, versus = METRICS[metric]
    c = pairs_of([r for r in data if quarter(r) == current], column, weight)
    b = pairs_of([r for r in data if quarter(r) == baseline], column, weight)
    return {"name": name, "args": args, "weighted": True, "rows": [{"metric": metric, "group": {}, "current": estimate(c), "baseline": estimate(b), **versus(c, b)}], "partial": True}


joined = ["--join", "fixtures/customers.csv", "--on", "email"]
matched = [r for r in rows if r["account"] != ""]
cases = [
    score_case("weighted by revenue from the customer file, by tier", ["score", "fixtures/responses.csv", *joined, "--weight", "revenue", "--by", "tier", "--metric", "nps,csat,csat-mean"],
               matched, "tier", ["nps", "csat", "csat-mean"], revenue, True),
    score_case("weighted, linearized NPS variance, by region", ["score", "fixtures/responses.csv", *joined, "--weight", "revenue", "--variance", "linearized", "--by", "region", "--metric", "nps"],
               matched, "region", ["nps-linearized"], revenue, True),
    score_case("per account (mean rounded half up), by region", ["score", "fixtures/responses.csv", *joined, "--per", "account", "--by", "region", "--metric", "nps,csat"],
               matched, "region", ["nps", "csat"], per=("account", "mean")),
    score_case("per account (min), by industry", ["score", "fixtures/responses.csv", *joined, "--per", "account", "--per-rule", "min", "--by", "industry", "--metric", "nps"],
               matched, "industry", ["nps"], per=("account", "min")),
    score_case("per account (latest), by tier", ["score", "fixtures/responses.csv", *joined, "--per", "account", "--per-rule", "latest", "--by", "tier", "--metric", "nps"],
               matched, "tier", ["nps"], per=("account", "latest")),
    score_case("per account weighted by revenue (B2B revenue-weighted account NPS), by tier", ["score", "fixtures/responses.csv", *joined, "--per", "account", "--weight", "revenue", "--by", "tier", "--metric", "nps"],
               matched, "tier", ["nps"], revenue, True, per=("account", "mean")),
    score_case("filter and date range", ["score", "fixtures/responses.csv", "--where", "plan in (Pro, Business) and not channel = sms", "--since", "2026-02", "--until", "2026-04", "--by", "region", "--metric", "nps,csat"],
               [r for r in rows if r["plan"] in ("Pro", "Business") and r["channel"] != "sms" and "2026-02-01" <= r["submitted_at"][:10] <= "2026-04-30"], "region", ["nps", "csat"]),
    score_case("numeric and regex filters on joined columns", ["score", "fixtures/responses.csv", *joined, "--where", "revenue >= 20000 and comment ~ /support|slow/i", "--by", "tier", "--metric", "nps"],
               [r for r in rows if r["revenue"] != "" and float(r["revenue"]) >= 20000 and re.search("support|slow", r["comment"].strip(), re.I)], "tier", ["nps"]),
    score_case("comment tags", ["score", "fixtures/responses.csv", "--tags", "fixtures/tags.json", "--by", "tag", "--metric", "nps,csat"], rows, "tag", ["nps", "csat"]),
    score_case("join, filter on a joined column and a tag, weight, by tag", ["score", "fixtures/responses.csv", *joined, "--where", "industry != Retail and tag != price", "--weight", "revenue", "--tags", "fixtures/tags.json", "--by", "tag", "--metric", "nps"],
               [r for r in matched if r["industry"] != "Retail" and "price" not in r["tag"]], "tag", ["nps"], revenue, True),
    drivers_case("drivers by region and plan, with tags", ["drivers", "fixtures/responses.csv", "--by", "region,plan", "--tags", "fixtures/tags.json", "--metric", "nps,csat"], rows, ["region", "plan", "tag"], ["nps", "csat"]),
    drivers_case("drivers weighted by revenue", ["drivers", "fixtures/responses.csv", *joined, "--weight", "revenue", "--by", "tier,industry", "--metric", "nps"], matched, ["tier", "industry"], ["nps"], revenue, True),
    crosstab_case("crosstab of region by tag", ["crosstab", "fixtures/responses.csv", "--rows", "region", "--cols", "tag", "--tags", "fixtures/tags.json", "--metric", "nps"], rows, "region", "tag", "nps"),
    trend_case("quarterly per account with a two-quarter window", ["trend", "fixtures/responses.csv", *joined, "--per", "account", "--every", "quarter", "--window", "2", "--metric", "nps"], matched, "nps", ("account", "mean")),
    compare_case("two quarters weighted by revenue", ["compare", "fixtures/responses.csv", "--period", "2026-Q2", "--against", "2026-Q1", *joined, "--weight", "revenue", "--metric", "nps"], matched, "nps", revenue, "2026-Q2", "2026-Q1"),
]


def clean(x):
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, (np.floating, np.integer)):
        return float(x)
    return x


# exact sums of weights (src/model/exact-sum.ts) against math.fsum, including cancellation and ties
rng = np.random.RandomState(11)
exact_sums = []
for size, kind in [(10, "uniform"), (200, "uniform"), (50, "wide"), (7, "cancel"), (1000, "gamma")]:
    if kind == "uniform":
        xs = rng.uniform(0, 1, size)
    elif kind == "wide":
        xs = rng.uniform(0, 1, size) * 10.0 ** rng.randint(-20, 20, size)
    elif kind == "cancel":
        xs = np.array([1e16, 1.0, -1e16, 3.0, 1e-30, 2.0 ** -60, -(2.0 ** -60)])
    else:
        xs = rng.gamma(2.0, 1.5, size)
    exact_sums.append({"values": [float(x) for x in xs], "fsum": math.fsum(xs)})

json.dump({"cases": clean(cases), "exactSums": exact_sums}, open("test/reference/enrich-fixture.json", "w"), indent=1)
print(f"wrote test/reference/enrich-fixture.json ({len(cases)} cases, {sum(len(c['rows']) for c in cases)} rows)")
