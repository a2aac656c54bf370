#!/usr/bin/Rscript
# Reference values from base R for the cxm statistics tests (writes test/reference/r-reference.json).
#
# How to regenerate (run from the repository root; base R only, no CRAN packages):
#
#     /usr/bin/Rscript test/reference/generate.R
#
# The JSON is committed; the vitest suite never runs R. Contents:
# - wilsonCc: prop.test(x, n, correct = TRUE)$conf.int, the Wilson interval with continuity
#   correction (Newcombe 1998 method 4). prop.test shrinks the Yates correction to
#   |x - n*p0| when that is below 0.5, so p0 is chosen far from x/n to keep the full 0.5.
# - clopperPearson: binom.test(x, n)$conf.int (integer counts only).
# - pAdjust: p.adjust(p, "BH" / "holm"), NA entries left out of the family.
# - welch: t.test(a, b) (Welch by default): statistic, df, p-value, conf.int.
# - mean: t.test(x)$conf.int (one-sample Student t interval), with mean(x) and var(x).
# - qt / pt / qbeta: cross-checks of the t and beta functions.

options(digits = 17)
num <- function(x) if (is.na(x)) "null" else formatC(x, digits = 17, format = "g")
vec <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(sprintf("\"%s\": %s", names(fields), unlist(fields)), collapse = ", "), "}")
}
array_of <- function(items) paste0("[\n  ", paste(items, collapse = ",\n  "), "\n]")

levels <- c(0.90, 0.95, 0.99)

# Same (x, n) cases as generate.py's PROPORTION_CASES, plus a few for the x <= 1/2 rule.
cases <- list(c(0, 1), c(1, 1), c(0, 5), c(1, 5), c(3, 5), c(5, 5), c(0, 10), c(7, 10), c(10, 10),
              c(0, 20), c(20, 20), c(1, 29), c(15, 148), c(81, 263), c(45, 60), c(500, 1000),
              c(999, 1000), c(12.5, 30.7), c(123456, 1000000), c(0.3, 10), c(9.8, 10))
wilson_cc <- character(0)
clopper <- character(0)
for (case in cases) {
  x <- case[1]; n <- case[2]
  for (level in levels) {
    p0 <- if (x >= 1) 1e-12 else 1 - 1e-12
    ci <- suppressWarnings(prop.test(x, n, p = p0, conf.level = level, correct = TRUE)$conf.int)
    wilson_cc <- c(wilson_cc, obj(x = num(x), n = num(n), level = num(level), lower = num(ci[1]), upper = num(ci[2])))
    if (x == round(x) && n == round(n)) {
      ci <- binom.test(x, n, conf.level = level)$conf.int
      clopper <- c(clopper, obj(x = num(x), n = num(n), level = num(level), lower = num(ci[1]), upper = num(ci[2])))
    }
  }
}

p_sets <- list(
  c(0.01, 0.04, 0.03, NA),
  c(0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269, 0.275, 0.34, 0.341, 0.384, 0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975, 0.986),
  c(0.02, 0.02, 0.02, 0.5),
  c(0.5),
  c(NA, NA),
  c(0.9, 0.01, NA, 0.04, 0.04, 1, 0),
  c(1e-300, 2e-300, 0.5)
)
p_adjust <- character(0)
for (p in p_sets) {
  p_adjust <- c(p_adjust, obj(p = vec(p), bh = vec(p.adjust(p, "BH")), holm = vec(p.adjust(p, "holm"))))
}

welch_sets <- list(
  list(a = c(5, 4, 4, 5, 3, 4, 5, 5, 4, 3), b = c(3, 4, 2, 3, 4, 3, 5, 2, 3, 4, 3, 3)),
  list(a = c(1, 2, 2, 3, 1), b = c(4, 5, 4, 4, 5, 3, 4, 5, 4, 4, 5, 5, 4, 3, 4)),
  list(a = c(3, 3, 3, 4), b = c(1, 5, 1, 5, 1, 5)),
  list(a = c(4.5, 3.25, 5, 2.75, 4, 4.5, 3.5), b = c(2, 3.5, 2.5, 4, 3, 2.25, 3, 2.75))
)
welch <- character(0)
for (set in welch_sets) {
  for (level in levels) {
    r <- t.test(set$a, set$b, conf.level = level)
    welch <- c(welch, obj(a = vec(set$a), b = vec(set$b), level = num(level), statistic = num(r$statistic),
                          df = num(r$parameter), p = num(r$p.value), lower = num(r$conf.int[1]), upper = num(r$conf.int[2])))
  }
}

# One-sample t intervals on 1-5 answers (meanInterval from summarizeScaleCounts).
mean_sets <- list(c(5, 4, 4, 5, 3, 4, 5, 5, 4, 3), c(1, 2), c(1, 5, 5, 5, 5, 5, 5), c(2, 3, 3, 4, 1, 5, 2, 2, 3),
                  rep(c(1, 2, 3, 4, 5), times = c(40, 25, 60, 150, 225)))
mean_rows <- character(0)
for (x in mean_sets) {
  for (level in levels) {
    ci <- t.test(x, conf.level = level)$conf.int
    mean_rows <- c(mean_rows, obj(values = vec(x), level = num(level), mean = num(mean(x)), variance = num(var(x)),
                                  lower = num(ci[1]), upper = num(ci[2])))
  }
}

qt_cases <- list(c(0.975, 1), c(0.975, 10), c(0.995, 4.751122357905392), c(0.95, 19.632900179007823), c(1e-8, 3), c(0.75, 1e7))
qt_rows <- vapply(qt_cases, function(c) obj(p = num(c[1]), df = num(c[2]), value = num(qt(c[1], c[2]))), "")
pt_cases <- list(c(-2.2129128034766805, 19.632900179007823), c(-12, 8), c(-1.5, 2.5), c(0.7, 300), c(-6, 1e5))
pt_rows <- vapply(pt_cases, function(c) obj(t = num(c[1]), df = num(c[2]), value = num(pt(c[1], c[2]))), "")
qbeta_cases <- list(c(0.025, 81, 183), c(0.975, 0.5, 20.5), c(0.005, 1, 1000), c(0.5, 2.5, 2.5))
qbeta_rows <- vapply(qbeta_cases, function(c) obj(p = num(c[1]), a = num(c[2]), b = num(c[3]), value = num(qbeta(c[1], c[2], c[3]))), "")

json <- paste0(
  "{\n",
  "\"wilsonCc\": ", array_of(wilson_cc), ",\n",
  "\"clopperPearson\": ", array_of(clopper), ",\n",
  "\"pAdjust\": ", array_of(p_adjust), ",\n",
  "\"welch\": ", array_of(welch), ",\n",
  "\"mean\": ", array_of(mean_rows), ",\n",
  "\"qt\": ", array_of(qt_rows), ",\n",
  "\"pt\": ", array_of(pt_rows), ",\n",
  "\"qbeta\": ", array_of(qbeta_rows), "\n",
  "}\n"
)
args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out <- file.path(dirname(normalizePath(script)), "r-reference.json")
writeLines(json, out, sep = "")
cat("wrote", out, "\n")
