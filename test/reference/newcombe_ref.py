#!/usr/bin/python3
"""Newcombe's hybrid score interval of p1 − p2 and the p-value that inverts it, for the reference scripts.

Interval: statsmodels confint_proportions_2indep(method="newcomb", compare="diff") (Newcombe 1998,
method 10, from the two Wilson intervals). p against a value v: the smallest α whose (1 − α) interval
excludes v, found with scipy.optimize.brentq on α (the TypeScript code bisects; neither shares code
with the other). Not a script of its own: imported by score_fixture.py, trend_compare.py,
check_report.py, enrich_fixture.py and differences.py.
"""
from scipy import optimize
from statsmodels.stats.proportion import confint_proportions_2indep


def newcombe_ci(x1, n1, x2, n2, level):
    low, upp = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff", alpha=1 - level)
    return float(low), float(upp)


def newcombe_p(x1, n1, x2, n2, value=0.0, side=None):
    """The smallest α whose (1 − α) Newcombe interval leaves `value` out.

    side None: two-sided against `value` (the interval excludes it); 'below': the interval must lie under
    `value` (p = 1 when the estimate is at or above it); 'above': the interval must lie over `value`.
    """
    diff = x1 / n1 - x2 / n2
    if side is None:
        if diff == value:
            return 1.0
        side = "above" if diff > value else "below"
    if (side == "above" and diff <= value) or (side == "below" and diff >= value):
        return 1.0

    def gap(alpha):
        low, upp = newcombe_ci(x1, n1, x2, n2, 1 - alpha)
        return (low - value) if side == "above" else (value - upp)

    lo, hi = 1e-15, 1 - 1e-12
    if gap(lo) > 0:
        return lo
    return float(optimize.brentq(gap, lo, hi, xtol=1e-15, rtol=1e-13, maxiter=500))
