#!/usr/bin/env python3
"""Independent reference for `cxm plan`: the margin of error, the answers needed for +-E (statsmodels
samplesize_confint_proportion for percents; z^2*V/E^2 with scipy's normal quantile for NPS, V = p+ + p- - (p+ - p-)^2),
the finite-population correction n/(1 + (n-1)/N), the minimum detectable change from statsmodels NormalIndPower
(solve_power for the effect size, times sigma), and invitations ceil(n / rate). File cases read
fixtures/rank/airlines.csv with the csv module (NPS classes of likelihood_to_recommend, recommended = yes), and
with --weight weight the Kish design effect n*sum(w^2)/sum(w)^2 and the weighted shares. A seeded simulation
checks that the planned n gives the margin's coverage and the MDE its power. Writes test/reference/plan-reference.json,
compared with cxm by test/analysis/plan-reference.test.ts.

Regenerate from the repository root:  /usr/bin/python3 test/reference/plan_reference.py
"""
import csv
import json
import math

import numpy as np
from scipy.stats import norm
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import samplesize_confint_proportion

rows = list(csv.DictReader(open("fixtures/rank/airlines.csv", newline="", encoding="utf-8")))


def plan(metric, p, V, n, n2, deff, s):
    alpha = 1 - s["level"]
    z = norm.ppf(1 - alpha / 2)
    E = s["margin"]
    if metric == "nps":
        need = z * z * V * 1e4 * deff / (E * E)
    else:
        need = samplesize_confint_proportion(p, E / 100, alpha=alpha) * deff
    fpc = need / (1 + (need - 1) / s["population"]) if s.get("population") else None
    n_needed = math.ceil(need - 1e-9)
    fpc_needed = math.ceil(fpc - 1e-9) if fpc is not None else None
    margin = z * math.sqrt(V * deff / n) * 100 if n else None
    mde = None
    if n:
        n2 = n2 or n
        d = NormalIndPower().solve_power(effect_size=None, nobs1=n, alpha=alpha, power=s["power"], ratio=n2 / n, alternative="two-sided")
        mde = d * math.sqrt(V * deff) * 100
    invites = math.ceil((fpc_needed or n_needed) / s["responseRate"] - 1e-9) if s.get("responseRate") else None
    return {"metric": metric, "margin": margin, "nNeeded": n_needed, "nNeededFpc": fpc_needed, "mde": mde, "invites": invites}


def from_file(weighted):
    out = {}
    w = [float(r["weight"]) if weighted else 1.0 for r in rows]
    sw, sw2, n = sum(w), sum(x * x for x in w), len(rows)
    deff = n * sw2 / (sw * sw)
    prom = sum(wi for wi, r in zip(w, rows) if int(r["likelihood_to_recommend"]) >= 9) / sw
    det = sum(wi for wi, r in zip(w, rows) if int(r["likelihood_to_recommend"]) <= 6) / sw
    yes = sum(wi for wi, r in zip(w, rows) if r["recommended"] == "yes") / sw
    out["nps"] = (None, prom + det - (prom - det) ** 2, n, deff)
    out["recommend"] = (yes, yes * (1 - yes), n, deff)
    return out


cases = []
s = {"level": 0.95, "power": 0.8, "margin": 5, "population": 2000, "responseRate": 0.2}
cases.append({"args": ["--promoters", "50", "--detractors", "20", "--margin", "5", "--n", "300", "--population", "2000", "--response-rate", "20%"], "rows": [plan("nps", None, 0.5 + 0.2 - 0.09, 300, None, 1, s)]})
s = {"level": 0.9, "power": 0.9, "margin": 3}
cases.append({"args": ["--share", "85", "--margin", "3", "--n", "500", "--n2", "250", "--power", "0.9", "--level", "0.9"], "rows": [plan("share", 0.85, 0.85 * 0.15, 500, 250, 1, s)]})
s = {"level": 0.95, "power": 0.8, "margin": 5}
cases.append({"args": ["--promoters", "40", "--detractors", "25"], "rows": [plan("nps", None, 0.65 - 0.0225, None, None, 1, s)]})
for weighted in (False, True):
    s = {"level": 0.95, "power": 0.8, "margin": 4, "responseRate": 0.3}
    f = from_file(weighted)
    args = ["fixtures/rank/airlines.csv", "--nps", "likelihood_to_recommend", "--recommend", "recommended", "--metric", "nps,recommend", "--margin", "4", "--response-rate", "0.3"]
    if weighted:
        args += ["--weight", "weight"]
    cases.append({"args": args, "rows": [plan(m, *f[m][:2], f[m][2], None, f[m][3], s) for m in ("nps", "recommend")]})


def simulate():
    """NPS 50/20 at the planned n for +-5: share of samples within 5 points; two periods at n=300 each, true change = MDE: power of the Wald test."""
    rng = np.random.default_rng(7)
    V = 0.61
    z = norm.ppf(0.975)
    n = math.ceil(z * z * V * 1e4 / 25)
    c = rng.multinomial(n, [0.2, 0.3, 0.5], size=20000)
    est = (c[:, 2] - c[:, 0]) / n
    coverage = float(np.mean(np.abs(est - 0.3) <= 0.05))
    mde = (z + norm.ppf(0.8)) * math.sqrt(2 * V / 300)
    # the second period is shifted by the MDE, keeping passives: p+ and p- move by mde/2 each way
    shift = mde / 2
    a = rng.multinomial(300, [0.2, 0.3, 0.5], size=20000)
    b = rng.multinomial(300, [0.2 - shift, 0.3, 0.5 + shift], size=20000)
    na, nb = (a[:, 2] - a[:, 0]) / 300, (b[:, 2] - b[:, 0]) / 300
    va = a[:, 2] / 300 + a[:, 0] / 300 - na ** 2
    vb = b[:, 2] / 300 + b[:, 0] / 300 - nb ** 2
    power = float(np.mean((nb - na) / np.sqrt(va / 300 + vb / 300) > z))
    return {"n": n, "coverage": coverage, "mde": 100 * mde, "power": power}


json.dump({"cases": cases, "simulation": simulate()}, open("test/reference/plan-reference.json", "w"), indent=1)
print(json.dumps(cases[0]["rows"]), json.dumps(simulate()))
