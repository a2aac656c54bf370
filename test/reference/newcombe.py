#!/usr/bin/python3
"""Reference values for Newcombe's hybrid score interval of p1 − p2 and the p-value that inverts it.

Regenerate: /usr/bin/python3 test/reference/newcombe.py (needs statsmodels >= 0.13, scipy), from the
repository root. Writes test/reference/newcombe.json. Interval: statsmodels
confint_proportions_2indep(method="newcomb", compare="diff"); p: the smallest α whose interval excludes
0 (or the given value), by scipy brentq on α (newcombe_ref.py).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from newcombe_ref import newcombe_ci, newcombe_p  # noqa: E402

CASES = [
    (30, 30, 180, 200),  # the example: all satisfied against 90%
    (29, 30, 291, 300),
    (30, 30, 297, 300),
    (0, 20, 3, 25),
    (5, 40, 5, 40),
    (45, 60, 30, 60),
    (1, 1, 0, 1),
    (97.3, 101.6, 180.2, 211.9),  # weighted: share × Kish n_eff, non-integer
    (12.5, 13.7, 40.0, 52.25),
]
rows = []
for x1, n1, x2, n2 in CASES:
    for level in (0.90, 0.95, 0.99):
        low, upp = newcombe_ci(x1, n1, x2, n2, level)
        rows.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level, "lower": low, "upper": upp,
                     "p": newcombe_p(x1, n1, x2, n2)})
with open(os.path.join(HERE, "newcombe.json"), "w") as handle:
    json.dump({"cases": rows}, handle, indent=1, sort_keys=True)
    handle.write("\n")
