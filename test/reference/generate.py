#!/usr/bin/python3
"""Reference values for the cxm statistics tests, computed independently of the TypeScript code.

How to regenerate (only needed when cases are added; the JSON files are committed and the
vitest suite never runs Python or R itself):

    /usr/bin/python3 test/reference/generate.py     # needs scipy >= 1.10, statsmodels >= 0.13, mpmath
    /usr/bin/Rscript test/reference/generate.R      # base R only

Run from the repository root. This script writes test/reference/*.json except r-reference.json,
which generate.R writes.

Sources of truth, by file:
- special-functions.json: mpmath at 50 digits (tight, 1e-12 relative) and scipy (cross-check).
  scipy 1.10's t.ppf is only good to ~1e-11 relative (R and mpmath agree with each other), so the
  tight comparisons use mpmath.
- proportions.json: statsmodels proportion_confint (normal, wilson, agresti_coull, beta,
  jeffreys) plus closed forms for the unclipped Wald / Agresti-Coull bounds.
- nps.json: an independent Python implementation of docs/methods.md: Wald and adjusted Wald in closed
  form, the Tango score interval by scipy.optimize.brentq root finding on Z(delta) evaluated in
  mpmath (the TypeScript code bisects in doubles).
- differences.json: NPS difference z tests (closed form, p from scipy norm.sf), two-proportion
  tests (statsmodels proportions_ztest / test_proportions_2indep / confint_proportions_2indep),
  Welch t tests (scipy ttest_ind(equal_var=False) on raw data; interval from the formula with
  scipy t.ppf).
- weights.json: Kish n_eff and the linearized NPS standard error computed per respondent.
- prng.json: first draws of SplitMix32-seeded xoshiro128** (reference implementation in Python).
"""
import json
import os

import mpmath as mp
import numpy as np
from scipy import optimize, special, stats
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
    test_proportions_2indep,
)

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
LEVELS = [0.90, 0.95, 0.99]


def write(name, payload):
    with open(os.path.join(HERE, name), "w") as handle:
        json.dump(payload, handle, indent=1, sort_keys=True)
        handle.write("\n")


def f(value):
    """A float for JSON (mpmath and numpy values included)."""
    return float(value)


# ---------------------------------------------------------------- special functions (mpmath)
def mp_ncdf(x):
    return mp.ncdf(mp.mpf(x))


def mp_norm_quantile(p):
    p = mp.mpf(p)
    start = mp.mpf(stats.norm.ppf(float(p)))
    if start < -30:  # refine on log scale far in the tail
        return bracketed_root(lambda z: mp.log(mp.ncdf(z)) - mp.log(p), start, lo_limit=-mp.inf, hi_limit=mp.inf)
    return bracketed_root(lambda z: mp.ncdf(z) - p, start, lo_limit=-mp.inf, hi_limit=mp.inf)


def mp_betainc(x, a, b, lower=True):
    """I_x(a, b) (or 1 - I_x(a, b)) in mpmath: the hypergeometric form, or, where its series
    fails for large shapes, tanh-sinh quadrature of the density split around the mode."""
    x, a, b = mp.mpf(x), mp.mpf(a), mp.mpf(b)
    try:
        if lower:
            return mp.betainc(a, b, 0, x, regularized=True)
        return mp.betainc(a, b, x, 1, regularized=True)
    except (ValueError, mp.libmp.libhyper.NoConvergence):
        pass
    log_beta = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)

    def density(t):
        if t <= 0 or t >= 1:
            return mp.mpf(0)
        return mp.exp((a - 1) * mp.log(t) + (b - 1) * mp.log1p(-t) - log_beta)

    mean = a / (a + b)
    sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    lo, hi = (mp.mpf(0), x) if lower else (x, mp.mpf(1))
    points = [lo] + [mean + k * sd for k in (-40, -20, -10, -5, -2, 0, 2, 5, 10, 20, 40) if lo < mean + k * sd < hi] + [hi]
    return mp.quad(density, points, maxdegree=10)


def mp_beta_quantile(p, a, b, lower=True):
    """Root of I_x(a, b) = p (or 1 - I_x = p) in mpmath: bracket scipy's value, then Anderson-Bjorck."""
    p = mp.mpf(p)
    start = mp.mpf(stats.beta.ppf(float(p), a, b) if lower else stats.beta.isf(float(p), a, b))
    g = lambda x: (mp_betainc(x, a, b, True) - p) if lower else (p - mp_betainc(x, a, b, False))
    return bracketed_root(g, start, lo_limit=mp.mpf(0), hi_limit=mp.mpf(1))


def bracketed_root(g, start, lo_limit, hi_limit):
    """Root of an increasing g near `start`, bracketed by widening steps, solved to ~1e-45."""
    scale = min(abs(start - lo_limit), abs(hi_limit - start), max(abs(start), mp.mpf(1)))
    for width in (mp.mpf("1e-9"), mp.mpf("1e-6"), mp.mpf("1e-3"), mp.mpf("0.3")):
        lo, hi = start - width * scale, start + width * scale
        if g(lo) < 0 < g(hi):
            return mp.findroot(g, (lo, hi), solver="anderson", tol=mp.mpf(10) ** -45)
    raise ValueError("could not bracket the root near %s" % start)


def mp_t_cdf(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    half_tail = mp_betainc(df / (df + t * t), df / 2, mp.mpf(1) / 2) / 2
    return half_tail if t < 0 else 1 - half_tail


def mp_t_quantile(p, df):
    start = mp.mpf(stats.t.ppf(float(p), df))
    return bracketed_root(lambda t: mp_t_cdf(t, df) - mp.mpf(p), start, lo_limit=-mp.inf, hi_limit=mp.inf)


def special_functions():
    erfc_x = [-26.0, -5.0, -1.0, -0.3, 0.0, 1e-20, 0.2, 0.46875, 0.5, 1.0, 2.0, 3.9, 4.0, 4.5, 10.0, 20.0, 26.0, 26.5]
    cdf_x = [-40.0, -37.0, -20.0, -10.0, -5.0, -1.959963984540054, -1.0, 0.0, 0.5, 3.0, 8.0]
    quantile_p = [1e-300, 1e-100, 1e-20, 1e-10, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-10]
    gamma_x = [1e-10, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 10.0, 15.3, 100.0, 1e5, 1e10]
    beta_cases = [
        (0.4, 2, 3), (0.5, 2, 3), (0.1, 0.5, 0.5), (0.9, 0.5, 0.5), (0.2, 3.5, 7.25), (0.001, 0.5, 100.5),
        (0.3, 30, 70), (0.35, 30, 70), (0.999, 3000, 2), (0.5, 5000, 5000), (0.49, 5000, 5000),
        (0.668, 5, 0.5), (1e-8, 2, 5), (0.999999962, 5e7, 0.5), (0.05, 1, 1), (0.7, 1e-3, 2),
        (0.0123, 12.5, 988.5), (0.98, 999, 1.5),
    ]
    beta_quantile_cases = [
        (0.025, 1, 20), (0.975, 1, 20), (0.025, 3, 8), (0.975, 4, 7), (0.005, 0.5, 10.5), (0.995, 10.5, 0.5),
        (0.05, 81, 183), (0.95, 82, 182), (0.5, 2, 3), (1e-10, 5, 5), (1 - 1e-10, 5, 5), (0.05, 5, 0.5),
        (0.025, 500, 500.5), (0.975, 123456.5, 876544.5), (0.3, 0.2, 0.3),
    ]
    t_cdf_cases = [
        (2, 5), (-2, 5), (-1.7, 1), (0.3, 2), (-3, 2.5), (-8, 10), (-50, 3), (1.5, 18.41), (-2.2, 30),
        (-4, 100), (-3, 1000), (-1.7, 1e6), (-40, 15), (0.0, 7),
    ]
    t_quantile_cases = [
        (0.975, 1), (0.975, 2), (0.95, 2.5), (0.975, 10), (0.995, 10), (0.005, 4), (0.975, 18.41), (0.6, 3.5),
        (0.9, 30), (0.975, 100), (0.995, 1000), (0.975, 1e5), (0.975, 1e6), (1e-10, 5), (0.5000001, 7),
    ]
    out = {
        "erfc": [{"x": x, "mpmath": f(mp.erfc(mp.mpf(x))), "scipy": f(special.erfc(x))} for x in erfc_x],
        "normalCdf": [{"x": x, "mpmath": f(mp_ncdf(x)), "scipy": f(stats.norm.cdf(x))} for x in cdf_x],
        "normalQuantile": [{"p": p, "mpmath": f(mp_norm_quantile(p)), "scipy": f(stats.norm.ppf(p))} for p in quantile_p],
        "logGamma": [{"x": x, "mpmath": f(mp.loggamma(mp.mpf(x))), "scipy": f(special.gammaln(x))} for x in gamma_x],
        "incompleteBeta": [
            {
                "x": x, "a": a, "b": b,
                "lower": f(mp_betainc(x, a, b, True)),
                "upper": f(mp_betainc(x, a, b, False)),
                "scipy": f(special.betainc(a, b, x)),
            }
            for (x, a, b) in beta_cases
        ],
        "betaQuantile": [
            {"p": p, "a": a, "b": b, "mpmath": f(mp_beta_quantile(p, a, b)), "scipy": f(stats.beta.ppf(p, a, b))}
            for (p, a, b) in beta_quantile_cases
        ],
        "betaQuantileUpper": [
            {"p": p, "a": a, "b": b, "mpmath": f(mp_beta_quantile(p, a, b, lower=False)), "scipy": f(stats.beta.isf(p, a, b))}
            for (p, a, b) in [(0.025, 2, 19), (1e-12, 3, 4), (0.005, 100, 1e4)]
        ],
        "studentTCdf": [{"t": t, "df": df, "mpmath": f(mp_t_cdf(t, df)), "scipy": f(stats.t.cdf(t, df))} for (t, df) in t_cdf_cases],
        "studentTQuantile": [
            {"p": p, "df": df, "mpmath": f(mp_t_quantile(p, df)), "scipy": f(stats.t.ppf(p, df))} for (p, df) in t_quantile_cases
        ],
    }
    write("special-functions.json", out)


# ---------------------------------------------------------------------------- proportions
PROPORTION_CASES = [
    (0, 1), (1, 1), (0, 5), (1, 5), (3, 5), (5, 5), (0, 10), (7, 10), (10, 10), (0, 20), (20, 20), (1, 29),
    (15, 148), (81, 263), (45, 60), (500, 1000), (999, 1000), (12.5, 30.7), (123456, 1000000),
]
STATSMODELS_NAME = {
    "wald": "normal", "wilson": "wilson", "agresti-coull": "agresti_coull",
    "clopper-pearson": "beta", "jeffreys": "jeffreys",
}


def proportions():
    rows = []
    for x, n in PROPORTION_CASES:
        for level in LEVELS:
            alpha = 1 - level
            z = stats.norm.isf(alpha / 2)
            for method, sm_name in STATSMODELS_NAME.items():
                low, upp = proportion_confint(x, n, alpha=alpha, method=sm_name)
                row = {"x": x, "n": n, "level": level, "method": method, "lowerClipped": f(low), "upperClipped": f(upp)}
                # statsmodels clips Wald and Agresti-Coull; the unclipped bounds in closed form:
                if method == "wald":
                    p = x / n
                    half = z * np.sqrt(p * (1 - p) / n)
                    row["lower"], row["upper"] = f(p - half), f(p + half)
                elif method == "agresti-coull":
                    nt = n + z * z
                    pt = (x + z * z / 2) / nt
                    half = z * np.sqrt(pt * (1 - pt) / nt)
                    row["lower"], row["upper"] = f(pt - half), f(pt + half)
                else:
                    row["lower"], row["upper"] = f(low), f(upp)
                rows.append(row)
    write("proportions.json", {"cases": rows})


# ------------------------------------------------------------------------------------ NPS
NPS_CASES = [
    (0, 0, 1), (1, 0, 0), (0, 1, 0), (0, 0, 5), (0, 0, 20), (20, 0, 0), (1, 1, 3), (2, 3, 0), (5, 0, 5),
    (3, 0, 2), (10, 20, 70), (20, 30, 50), (30, 40, 30), (0, 50, 50), (150, 250, 600), (1000, 3000, 6000),
    (1, 2, 3.5), (12.3, 20.1, 40.6), (0, 0, 1000), (7, 0, 0),
]


def nps_point(d, a, p):
    return (p - d) / (d + a + p)


def nps_wald(d, a, p, level, pseudo=(0.0, 0.0, 0.0)):
    d2, a2, p2 = d + pseudo[0], a + pseudo[1], p + pseudo[2]
    n2 = d2 + a2 + p2
    centre = (p2 - d2) / n2
    variance = p2 / n2 + d2 / n2 - centre ** 2
    half = stats.norm.isf((1 - level) / 2) * np.sqrt(variance / n2)
    return centre - half, centre + half


def tango_z(delta, d, p, n):
    """Tango's score statistic in mpmath (the direct quadratic-root formula)."""
    delta, d, p, n = mp.mpf(delta), mp.mpf(d), mp.mpf(p), mp.mpf(n)
    A = 2 * n
    B = -d - p + (2 * n - p + d) * delta
    C = -d * delta * (1 - delta)
    q = (mp.sqrt(B * B - 4 * A * C) - B) / (2 * A)
    if p - d - n * delta == 0:  # Z(NPS) = 0 (also where the variance vanishes there, all passives)
        return mp.mpf(0)
    return (p - d - n * delta) / mp.sqrt(n * (2 * q + delta * (1 - delta)))


def nps_score(d, a, p, level):
    n = d + a + p
    z = stats.norm.isf((1 - level) / 2)
    nps = (p - d) / n
    edge = 1e-13
    if d == n:
        lower = -1.0
    else:
        lower = optimize.brentq(lambda x: float(tango_z(x, d, p, n)) - z, -1 + edge, nps, xtol=1e-15, rtol=8.9e-16, maxiter=500)
    if p == n:
        upper = 1.0
    else:
        upper = optimize.brentq(lambda x: float(tango_z(x, d, p, n)) + z, nps, 1 - edge, xtol=1e-15, rtol=8.9e-16, maxiter=500)
    return lower, upper


def nps():
    rows = []
    for d, a, p in NPS_CASES:
        n = d + a + p
        variance = p / n + d / n - ((p - d) / n) ** 2
        for level in LEVELS:
            base = {"detractors": d, "passives": a, "promoters": p, "level": level, "value": f(nps_point(d, a, p))}
            lower, upper = nps_wald(d, a, p, level)
            rows.append({**base, "method": "wald", "lower": f(lower), "upper": f(upper), "variance": f(variance)})
            lower, upper = nps_wald(d, a, p, level, (0.75, 1.5, 0.75))
            rows.append({**base, "method": "adjusted-wald", "lower": f(lower), "upper": f(upper)})
            lower, upper = nps_score(d, a, p, level)
            rows.append({**base, "method": "score", "lower": f(lower), "upper": f(upper)})
    write("nps.json", {"cases": rows})


# ---------------------------------------------------------------------------- differences
NPS_PAIRS = [
    ((10, 20, 70), (30, 20, 50)), ((0, 0, 5), (0, 0, 8)), ((0, 0, 5), (5, 0, 0)), ((2, 3, 5), (4, 3, 3)),
    ((150, 250, 600), (200, 260, 540)), ((1, 0, 0), (0, 1, 0)), ((12.3, 20.1, 40.6), (8.2, 15.0, 30.1)),
    ((500, 1000, 8500), (4000, 2000, 4000)), ((0, 0, 20), (0, 0, 20)),
    ((100, 200, 700), (300, 200, 500)), ((1000, 2000, 7000), (3000, 2000, 5000)),
]
PROPORTION_PAIRS = [
    (30, 100, 20, 90), (0, 10, 3, 12), (5, 5, 2, 9), (450, 600, 400, 600), (1, 2, 0, 3), (12.5, 30.7, 20.2, 41.9),
    (9000, 10000, 8000, 10000), (0, 10, 10, 10),
]


def nps_difference(first, second, level, adjusted):
    pseudo = (0.75, 1.5, 0.75) if adjusted else (0.0, 0.0, 0.0)
    moments = []
    for d, a, p in (first, second):
        d2, a2, p2 = d + pseudo[0], a + pseudo[1], p + pseudo[2]
        n2 = d2 + a2 + p2
        centre = (p2 - d2) / n2
        moments.append((centre, (p2 / n2 + d2 / n2 - centre ** 2) / n2))
    centre = moments[0][0] - moments[1][0]
    se = np.sqrt(moments[0][1] + moments[1][1])
    crit = stats.norm.isf((1 - level) / 2)
    row = {
        "diff": f(nps_point(*first) - nps_point(*second)), "center": f(centre), "se": f(se),
        "lower": f(centre - crit * se), "upper": f(centre + crit * se),
    }
    if se > 0:
        z = centre / se
        row["statistic"], row["p"] = f(z), f(2 * stats.norm.sf(abs(z)))
    else:
        row["statistic"], row["p"] = None, None
    return row


def welch_datasets():
    rng = np.random.RandomState(20240607)
    sets = []
    for n1, n2, shift in [(10, 12, 0.0), (30, 25, 0.4), (5, 40, -0.8), (200, 180, 0.15), (3, 3, 1.0), (50, 8, 0.0)]:
        a = np.clip(np.round(rng.normal(3.6 + shift, 1.1, n1)), 1, 5)
        b = np.clip(np.round(rng.normal(3.6, 1.0, n2)), 1, 5)
        sets.append((a, b))
    return sets


def differences():
    nps_rows = []
    for first, second in NPS_PAIRS:
        for level in LEVELS:
            for adjusted in (True, False):
                nps_rows.append({
                    "first": dict(zip(("detractors", "passives", "promoters"), first)),
                    "second": dict(zip(("detractors", "passives", "promoters"), second)),
                    "level": level, "adjusted": adjusted, **nps_difference(first, second, level, adjusted),
                })
    proportion_rows = []
    for x1, n1, x2, n2 in PROPORTION_PAIRS:
        for level in LEVELS:
            alpha = 1 - level
            low, upp = confint_proportions_2indep(x1, n1, x2, n2, method="wald", compare="diff", alpha=alpha)
            row = {"x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level, "lower": f(low), "upper": f(upp), "diff": f(x1 / n1 - x2 / n2)}
            pbar = (x1 + x2) / (n1 + n2)
            if 0 < pbar < 1:
                z, p = proportions_ztest([x1, x2], [n1, n2])
                row["pooled"] = {"statistic": f(z), "p": f(p)}
            else:
                row["pooled"] = {"statistic": None, "p": None}
            p1, p2 = x1 / n1, x2 / n2
            if p1 * (1 - p1) + p2 * (1 - p2) > 0:
                with np.errstate(divide="ignore", invalid="ignore"):
                    result = test_proportions_2indep(*map(np.float64, (x1, n1, x2, n2)), method="wald", compare="diff", correction=False)
                row["unpooled"] = {"statistic": f(result.statistic), "p": f(result.pvalue)}
            else:
                row["unpooled"] = {"statistic": None, "p": None}
            proportion_rows.append(row)
    welch_rows = []
    for a, b in welch_datasets():
        result = stats.ttest_ind(a, b, equal_var=False)
        v1, v2 = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
        df = (v1 + v2) ** 2 / (v1 ** 2 / (len(a) - 1) + v2 ** 2 / (len(b) - 1))
        for level in LEVELS:
            half = stats.t.isf((1 - level) / 2, df) * np.sqrt(v1 + v2)
            diff = a.mean() - b.mean()
            welch_rows.append({
                "a": [f(v) for v in a], "b": [f(v) for v in b], "level": level,
                "first": {"n": len(a), "mean": f(a.mean()), "variance": f(a.var(ddof=1))},
                "second": {"n": len(b), "mean": f(b.mean()), "variance": f(b.var(ddof=1))},
                "diff": f(diff), "statistic": f(result.statistic), "p": f(result.pvalue), "df": f(df),
                "lower": f(diff - half), "upper": f(diff + half),
            })
    write("differences.json", {"nps": nps_rows, "proportions": proportion_rows, "welch": welch_rows})


# -------------------------------------------------------------------------------- weights
def weights():
    rng = np.random.RandomState(7)
    rows = []
    for size in [2, 5, 40, 1000]:
        w = rng.gamma(2.0, 1.0, size)
        s = rng.choice([-1, 0, 1], size=size, p=[0.25, 0.3, 0.45])
        if size == 2:
            s = np.array([1, -1])
        nps_w = np.sum(w * s) / np.sum(w)
        se = np.sqrt(size / (size - 1) * np.sum(w ** 2 * (s - nps_w) ** 2)) / np.sum(w)
        tally = {}
        for name, score in (("detractors", -1), ("passives", 0), ("promoters", 1)):
            mask = s == score
            tally[name] = {"count": int(mask.sum()), "sumWeights": f(w[mask].sum()), "sumSquaredWeights": f((w[mask] ** 2).sum())}
        rows.append({
            "weights": [f(v) for v in w], "scores": [int(v) for v in s], "tally": tally,
            "kish": f(np.sum(w) ** 2 / np.sum(w ** 2)), "nps": f(nps_w), "se": f(se),
            "lower95": f(nps_w - stats.norm.isf(0.025) * se), "upper95": f(nps_w + stats.norm.isf(0.025) * se),
        })
    write("weights.json", {"cases": rows})


# ----------------------------------------------------------------------------------- PRNG
def prng():
    mask = 0xFFFFFFFF

    def seeded(seed):
        low = seed & mask
        high = (seed // 4294967296) & mask
        state = [(low ^ ((high * 0x9E3779B9) & mask)) & mask]

        def splitmix():
            state[0] = (state[0] + 0x9E3779B9) & mask
            z = state[0]
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & mask
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & mask
            return (z ^ (z >> 16)) & mask

        s = [splitmix() for _ in range(4)]
        if s == [0, 0, 0, 0]:
            s[0] = 1

        def rotl(x, k):
            return ((x << k) | (x >> (32 - k))) & mask

        def next32():
            result = (rotl((s[1] * 5) & mask, 7) * 9) & mask
            t = (s[1] << 9) & mask
            s[2] ^= s[0]
            s[3] ^= s[1]
            s[1] ^= s[2]
            s[0] ^= s[3]
            s[2] ^= t
            s[3] = rotl(s[3], 11)
            return result

        def uniform():
            a = next32() >> 5
            b = next32() >> 6
            return (a * 67108864 + b) / 9007199254740992

        return uniform

    rows = []
    for seed in [0, 1, 42, -1, 2 ** 40 + 5, -(2 ** 53 - 1)]:
        draw = seeded(seed)
        rows.append({"seed": seed, "draws": [draw() for _ in range(5)]})
    write("prng.json", {"cases": rows})


if __name__ == "__main__":
    special_functions()
    proportions()
    nps()
    differences()
    weights()
    prng()
