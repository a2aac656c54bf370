#!/usr/bin/env python3
"""Independent reference for `cxm score fixtures/responses.csv --by region` (all metrics).

Reads the fixture with Python's csv module and computes every number with statsmodels / scipy, or,
for the NPS formulas that no library implements, directly from docs/methods.md. Writes
test/reference/score-fixture.json, which test/analysis/score-reference.test.ts compares with cxm.

Regenerate from the repository root:  /usr/bin/python3 test/reference/score_fixture.py
"""
import csv
import json
import os
import math
import sys
from collections import defaultdict

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from newcombe_ref import newcombe_ci, newcombe_p  # noqa: E402

LEVEL = 0.95
MIN_N = 30
Z = stats.norm.ppf(1 - (1 - LEVEL) / 2)

rows = list(csv.DictReader(open("fixtures/responses.csv", newline="", encoding="utf-8")))


def answers(column, group=None):
    out = []
    for r in rows:
        if group is not None and r["region"] != group:
            continue
        v = r[column].strip()
        if v != "":
            out.append(int(v))
    return out


def rest_answers(column, group):
    return [int(r[column]) for r in rows if r["region"] != group and r[column].strip() != ""]


def nps_counts(xs):
    return sum(1 for x in xs if x <= 6), sum(1 for x in xs if 7 <= x <= 8), sum(1 for x in xs if x >= 9)


def adjusted(counts):
    d, a, p = counts
    d, a, p = d + 0.75, a + 1.5, p + 0.75
    n = d + a + p
    nps = (p - d) / n
    var = p / n + d / n - nps * nps
    return nps, var, n


def nps_estimate(xs):
    d, a, p = nps_counts(xs)
    n = d + a + p
    nps_t, var_t, n_t = adjusted((d, a, p))
    half = Z * math.sqrt(var_t / n_t)
    return {"n": n, "value": 100 * (p - d) / n, "lower": 100 * max(-1, nps_t - half), "upper": 100 * min(1, nps_t + half)}


def nps_vs_rest(xs, ys):
    (d1, a1, p1), (d2, a2, p2) = nps_counts(xs), nps_counts(ys)
    raw = (p1 - d1) / (d1 + a1 + p1) - (p2 - d2) / (d2 + a2 + p2)
    n1, v1, m1 = adjusted((d1, a1, p1))
    n2, v2, m2 = adjusted((d2, a2, p2))
    centre = n1 - n2
    se = math.sqrt(v1 / m1 + v2 / m2)
    p = 2 * stats.norm.sf(abs(centre / se))
    return {"diff": 100 * raw, "lower": 100 * (centre - Z * se), "upper": 100 * (centre + Z * se), "p": p}


def share_estimate(xs, band):
    n = len(xs)
    x = sum(1 for v in xs if band[0] <= v <= band[1])
    lo, hi = proportion_confint(x, n, alpha=1 - LEVEL, method="wilson")
    return {"n": n, "value": 100 * x / n, "lower": 100 * lo, "upper": 100 * hi}


def share_vs_rest(xs, ys, band):
    x1, n1 = sum(1 for v in xs if band[0] <= v <= band[1]), len(xs)
    x2, n2 = sum(1 for v in ys if band[0] <= v <= band[1]), len(ys)
    lo, hi = newcombe_ci(x1, n1, x2, n2, LEVEL)
    return {"diff": 100 * (x1 / n1 - x2 / n2), "lower": 100 * lo, "upper": 100 * hi, "p": newcombe_p(x1, n1, x2, n2)}


def mean_estimate(xs, lo_scale, hi_scale):
    a = np.array(xs, dtype=float)
    lo, hi = stats.t.interval(LEVEL, len(a) - 1, loc=a.mean(), scale=stats.sem(a))
    return {"n": len(a), "value": a.mean(), "lower": max(lo_scale, lo), "upper": min(hi_scale, hi)}


def mean_vs_rest(xs, ys):
    a, b = np.array(xs, dtype=float), np.array(ys, dtype=float)
    t, p = stats.ttest_ind(a, b, equal_var=False)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    half = stats.t.ppf(1 - (1 - LEVEL) / 2, df) * math.sqrt(va + vb)
    d = a.mean() - b.mean()
    return {"diff": d, "lower": d - half, "upper": d + half, "p": p}


METRICS = {
    "nps": ("nps", nps_estimate, nps_vs_rest),
    "csat": ("csat", lambda xs: share_estimate(xs, (4, 5)), lambda xs, ys: share_vs_rest(xs, ys, (4, 5))),
    "ces": ("ces", lambda xs: share_estimate(xs, (5, 7)), lambda xs, ys: share_vs_rest(xs, ys, (5, 7))),
    "csat-mean": ("csat", lambda xs: mean_estimate(xs, 1, 5), mean_vs_rest),
    "ces-mean": ("ces", lambda xs: mean_estimate(xs, 1, 7), mean_vs_rest),
}

regions = sorted({r["region"] for r in rows})
out = []
for metric, (column, estimate, versus) in METRICS.items():
    out.append({"metric": metric, "group": {}, **estimate(answers(column))})
    segs = []
    for g in regions:
        xs = answers(column, g)
        row = {"metric": metric, "group": {"region": g}, **estimate(xs), "vsRest": versus(xs, rest_answers(column, g))}
        segs.append(row)
    family = [i for i, s in enumerate(segs) if s["n"] >= MIN_N]
    adj = multipletests([segs[i]["vsRest"]["p"] for i in family], method="fdr_bh")[1]
    for i, s in enumerate(segs):
        s["vsRest"]["pAdjusted"] = float(adj[family.index(i)]) if i in family else None
    out.extend(segs)

json.dump({"command": "cxm score fixtures/responses.csv --by region --metric nps,csat,ces,csat-mean,ces-mean", "rows": out}, open("test/reference/score-fixture.json", "w"), indent=1, default=float)
print(f"wrote test/reference/score-fixture.json ({len(out)} rows)")
