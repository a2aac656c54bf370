#!/usr/bin/env python3
"""Independent reference for `cxm rank` on fixtures/rank/airlines.csv (written by scripts/make-rank-fixtures.mjs).

Reads the fixture with Python's csv module and counts, per airline, the NPS classes (0-6, 7-8, 9-10 of
likelihood_to_recommend) and the recommended yes/no answers; with --weight weight, the effective counts
share x Kish n_eff. Fits the empirical-Bayes prior by maximising the Dirichlet-multinomial (beta-binomial for
the yes share) marginal likelihood with scipy.optimize.minimize (L-BFGS-B over log alpha, scipy.special.gammaln),
then: posterior means; exact Beta credible intervals for the percent (scipy.stats.beta.ppf); P(top k),
P(bottom k) and rank intervals from 20,000 joint posterior draws with numpy's own generator (not cxm's);
funnel limits 100*(theta0 +- z*sqrt(V0/n)); and the mean squared error of the raw and the shrunken scores
against the airlines' true scores (fixtures/rank/truth.json). A separate seeded simulation (200 data sets of
40 units) gives the average MSE ratio. Writes test/reference/rank-fixture.json, which
test/analysis/rank-reference.test.ts compares with cxm.

Regenerate from the repository root:  /usr/bin/python3 test/reference/rank_fixture.py
"""
import csv
import json
from collections import OrderedDict

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln
from scipy.stats import beta as beta_dist

LEVEL = 0.95
Z = {"95%": 1.959963984540054, "99.8%": 3.090232306167813}

rows = list(csv.DictReader(open("fixtures/rank/airlines.csv", newline="", encoding="utf-8")))
truth = {t["airline"]: t for t in json.load(open("fixtures/rank/truth.json"))}


def counts(metric, weighted):
    units = OrderedDict()
    for r in rows:
        if metric == "nps":
            s = int(r["likelihood_to_recommend"])
            k = 0 if s <= 6 else (1 if s <= 8 else 2)
            K = 3
        else:
            k = 1 if r["recommended"] == "yes" else 0
            K = 2
        u = units.setdefault(r["airline"], {"n": 0, "w": np.zeros(K), "w2": 0.0, "c": np.zeros(K)})
        w = float(r["weight"]) if weighted else 1.0
        u["n"] += 1
        u["c"][k] += 1
        u["w"][k] += w
        u["w2"] += w * w
    for u in units.values():
        if weighted:
            sw = u["w"].sum()
            neff = sw * sw / u["w2"]
            u["eff"] = u["w"] / sw * neff
        else:
            u["eff"] = u["c"]
    return units


def negloglik(logalpha, C):
    a = np.exp(logalpha)
    n = C.sum(axis=1)
    return -np.sum(gammaln(a.sum()) - gammaln(n + a.sum()) + np.sum(gammaln(C + a) - gammaln(a), axis=1))


def fit(C):
    best = None
    for start in (np.zeros(C.shape[1]), np.log(C.mean(axis=0) + 0.5)):
        res = minimize(negloglik, start, args=(C,), method="L-BFGS-B", bounds=[(np.log(1e-4), np.log(1e7))] * C.shape[1])
        if best is None or res.fun < best.fun:
            best = res
    return np.exp(best.x), -best.fun


def reference(metric, weighted, k):
    units = counts(metric, weighted)
    names = list(units)
    C = np.array([units[a]["eff"] for a in names])
    alpha, ll = fit(C)
    wts = np.array([-1.0, 0.0, 1.0]) if metric == "nps" else np.array([0.0, 1.0])
    post = C + alpha
    value = 100 * (post @ wts) / post.sum(axis=1)
    neff = C.sum(axis=1)
    raw = 100 * (C @ wts) / neff
    # the overall score: the weighted shares of all answers (sum of the weights of a class / all weights)
    tot = np.sum([units[a]["w"] for a in names], axis=0)
    p = tot / tot.sum()
    theta0 = p @ wts
    v0 = p[2] + p[0] - (p[2] - p[0]) ** 2 if metric == "nps" else p[1] * (1 - p[1])
    outside = []
    for i in range(len(names)):
        o = None
        for name in ("99.8%", "95%"):
            h = Z[name] * np.sqrt(v0 / neff[i])
            if o is None and raw[i] / 100 > theta0 + h + 1e-12:
                o = "upper " + name
            if o is None and raw[i] / 100 < theta0 - h - 1e-12:
                o = "lower " + name
        outside.append(o)
    rng = np.random.default_rng(12345)
    D = 20000
    U = len(names)
    draws = np.stack([rng.dirichlet(post[i], size=D) @ wts for i in range(U)])  # U x D
    ranks = (-draws).argsort(axis=0).argsort(axis=0) + 1
    ptop = (ranks <= k).mean(axis=1)
    pbottom = (ranks > U - k).mean(axis=1)
    lo_q, hi_q = (1 - LEVEL) / 2, (1 + LEVEL) / 2
    out = []
    for i, a in enumerate(names):
        if metric == "nps":
            lower, upper = np.quantile(draws[i], [lo_q, hi_q]) * 100
        else:
            lower, upper = beta_dist.ppf([lo_q, hi_q], post[i][1], post[i][0]) * 100
        rl, ru = np.quantile(ranks[i], [lo_q, hi_q])
        out.append({"airline": a, "n": units[a]["n"], "raw": raw[i], "value": value[i], "lower": lower, "upper": upper,
                    "rankLower": float(rl), "rankUpper": float(ru), "pTop": ptop[i], "pBottom": pbottom[i], "outside": outside[i]})
    mse = None
    if not weighted:
        t = np.array([truth[a][metric] for a in names])
        mse = {"raw": float(np.mean((raw - t) ** 2)), "shrunk": float(np.mean((value - t) ** 2))}
    return {"metric": metric, "weighted": weighted, "k": k, "alpha": alpha.tolist(), "logLikelihood": ll, "overall": 100 * theta0, "rows": out, "mse": mse}


def simulation():
    """200 seeded data sets of 40 units (n log-uniform 1..200, true shares from Beta(8, 4)): mean MSE raw vs shrunk."""
    rng = np.random.default_rng(2026)
    ratios = []
    for _ in range(200):
        n = np.maximum(1, np.round(np.exp(rng.uniform(0, np.log(200), 40)))).astype(int)
        p = rng.beta(8, 4, 40)
        x = rng.binomial(n, p)
        C = np.stack([n - x, x], axis=1).astype(float)
        alpha, _ = fit(C)
        shrunk = (x + alpha[1]) / (n + alpha.sum())
        ratios.append(np.mean((shrunk - p) ** 2) / np.mean((x / n - p) ** 2))
    return float(np.mean(ratios))


out = {
    "cases": [reference("nps", False, 6), reference("recommend", False, 6), reference("nps", True, 6)],
    "simulationMseRatio": simulation(),
}
json.dump(out, open("test/reference/rank-fixture.json", "w"), indent=1, default=float)
for c in out["cases"]:
    print(c["metric"], c["weighted"], [round(a, 4) for a in c["alpha"]], c["mse"])
print("simulation mean MSE ratio shrunk/raw:", out["simulationMseRatio"])
