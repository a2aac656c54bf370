#!/usr/bin/env python3
"""Independent reference for the recommend metric on fixtures/recommend.csv (a yes/no column).

Reads the fixture with Python's csv module, reads each answer with its own table of spellings (1/0,
yes/no, true/false, y/n in any case; blank and N/A are no answer; anything else is invalid), and computes
with statsmodels: the share answering yes with its Wilson interval (and Clopper-Pearson for
--method recommend=clopper-pearson), each region against the rest with Newcombe's hybrid score interval and
the p that inverts it (newcombe_ref.py, as score_fixture.py does for the other percents), p-values adjusted
with Benjamini-Hochberg over the segments of at least 30 answers. Writes test/reference/recommend-fixture.json,
which test/analysis/recommend-reference.test.ts compares with cxm.

Regenerate from the repository root:  /usr/bin/python3 test/reference/recommend_fixture.py
"""
import csv
import json
import os
import sys

from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from newcombe_ref import newcombe_ci, newcombe_p  # noqa: E402

LEVEL = 0.95
MIN_N = 30
YES = {"1", "yes", "true", "y"}
NO = {"0", "no", "false", "n"}
BLANK = {"", "n/a", "na"}

rows = list(csv.DictReader(open("fixtures/recommend.csv", newline="", encoding="utf-8")))


def read(v):
    v = v.strip().lower()
    if v in BLANK:
        return "blank"
    if v in YES:
        return 1
    if v in NO:
        return 0
    return "invalid"


def answers(group=None, rest=False):
    out = []
    for r in rows:
        if group is not None and ((r["region"] == group) == rest):
            continue
        out.append(read(r["recommended"]))
    return out


def estimate(values, method="wilson"):
    xs = [v for v in values if v in (0, 1)]
    n, x = len(xs), sum(xs)
    lo, hi = proportion_confint(x, n, alpha=1 - LEVEL, method=method)
    return {
        "n": n,
        "value": 100 * x / n,
        "lower": 100 * lo,
        "upper": 100 * hi,
        "counts": {"yes": x, "no": n - x},
        "skipped": values.count("blank"),
        "invalid": values.count("invalid"),
    }


def versus(a, b):
    xa, xb = [v for v in a if v in (0, 1)], [v for v in b if v in (0, 1)]
    x1, n1, x2, n2 = sum(xa), len(xa), sum(xb), len(xb)
    lo, hi = newcombe_ci(x1, n1, x2, n2, LEVEL)
    return {"diff": 100 * (x1 / n1 - x2 / n2), "lower": 100 * lo, "upper": 100 * hi, "p": newcombe_p(x1, n1, x2, n2)}


regions = sorted({r["region"] for r in rows})
out = [{"group": {}, **estimate(answers())}]
segs = []
for g in regions:
    segs.append({"group": {"region": g}, **estimate(answers(g)), "vsRest": versus(answers(g), answers(g, rest=True))})
family = [i for i, s in enumerate(segs) if s["n"] >= MIN_N]
adj = multipletests([segs[i]["vsRest"]["p"] for i in family], method="fdr_bh")[1]
for i, s in enumerate(segs):
    s["vsRest"]["pAdjusted"] = float(adj[family.index(i)]) if i in family else None
out.extend(segs)

clopper = estimate(answers(), method="beta")
json.dump(
    {
        "command": "cxm score fixtures/recommend.csv --recommend recommended --by region",
        "rows": out,
        "clopperPearson": {k: clopper[k] for k in ("n", "value", "lower", "upper")},
    },
    open("test/reference/recommend-fixture.json", "w"),
    indent=1,
    default=float,
)
print(f"wrote test/reference/recommend-fixture.json ({len(out)} rows)")
