#!/usr/bin/Rscript
# Reference values for --cluster (issue 14, defect 5): cluster-robust standard errors from R survey.
#
# Regenerate from the repository root (needs r-cran-survey):
#
#     /usr/bin/Rscript test/reference/cluster.R
#
# Writes the generated answers to fixtures/cluster/answers.csv (seeded: several answers per customer,
# a customer effect, most customers in one region, some in two, two months, a weight per customer) and
# test/reference/cluster.json with, for the unweighted and the weighted design
# svydesign(ids = ~id, weights = ~w): per metric (NPS as -100/0/100, CSAT % as 0/100, the CSAT mean)
# the estimate and SE of svymean over all answers and over subset(design, region == r), the SE of each
# region against the rest (svyby(~s, ~inside, design, svymean, covmat = TRUE) then svycontrast), and the
# SE of February against January (same, by month). G = number of ids; t quantiles use G - 1 df.
suppressPackageStartupMessages(library(survey))
options(digits = 17)
set.seed(14)
G <- 120
ids <- sprintf("c%03d", seq_len(G))
k <- sample(1:5, G, replace = TRUE)
rows <- rep(seq_len(G), k)
m <- length(rows)
effect <- rnorm(G, 0, 1.5)
home <- sample(c("A", "B", "C"), G, replace = TRUE, prob = c(0.5, 0.3, 0.2))
region <- ifelse(runif(m) < 0.8, home[rows], sample(c("A", "B", "C"), m, replace = TRUE))
nps <- pmin(10, pmax(0, round(7.5 + effect[rows] + rnorm(m, 0, 1.5))))
csat <- pmin(5, pmax(1, round(3.8 + effect[rows] / 2 + rnorm(m, 0, 0.8))))
date <- sample(c("2026-01-15", "2026-02-15"), m, replace = TRUE)
w <- c(1, 2, 3)[sample(1:3, G, replace = TRUE)][rows]
d <- data.frame(id = ids[rows], region = region, date = date, nps = nps, csat = csat, w = w)
dir.create("fixtures/cluster", showWarnings = FALSE)
write.csv(d, "fixtures/cluster/answers.csv", row.names = FALSE, quote = FALSE)

d$s_nps <- 100 * (d$nps >= 9) - 100 * (d$nps <= 6)
d$s_csat <- 100 * (d$csat >= 4)
d$s_mean <- d$csat
metrics <- c(nps = "s_nps", csat = "s_csat", "csat-mean" = "s_mean")

num <- function(x) formatC(x, digits = 17, format = "g")
contrast_se <- function(design, f, by) {
  b <- svyby(f, by, design, svymean, covmat = TRUE)
  est <- coef(b)
  cc <- svycontrast(b, c(-1, 1)) # second level minus first (TRUE - FALSE, Feb - Jan)
  c(diff = unname(est[2] - est[1]), se = unname(SE(cc)))
}
case <- function(weighted) {
  design <- if (weighted) svydesign(ids = ~id, weights = ~w, data = d) else svydesign(ids = ~id, data = d)
  out <- c()
  for (metric in names(metrics)) {
    f <- as.formula(paste0("~", metrics[[metric]]))
    add <- function(group, est, se, diff = NA, dse = NA) {
      out <<- c(out, sprintf('{"metric": "%s", "group": "%s", "value": %s, "se": %s, "diff": %s, "diffSe": %s}',
        metric, group, num(est), num(se), if (is.na(diff)) "null" else num(diff), if (is.na(dse)) "null" else num(dse)))
    }
    all <- svymean(f, design)
    add("", coef(all), SE(all))
    for (r in c("A", "B", "C")) {
      one <- svymean(f, subset(design, region == r))
      design2 <- update(design, inside = region == r)
      vs <- contrast_se(design2, f, ~inside)
      add(r, coef(one), SE(one), vs[["diff"]], vs[["se"]])
    }
    feb <- svymean(f, subset(design, date == "2026-02-15"))
    months <- contrast_se(design, f, ~date)
    add("2026-02", coef(feb), SE(feb), months[["diff"]], months[["se"]])
  }
  sprintf('{"weighted": %s, "clusters": %d, "rows": [\n  %s\n]}', tolower(weighted), G, paste(out, collapse = ",\n  "))
}
writeLines(sprintf('{"z975": %s, "t975": %s, "cases": [\n%s,\n%s\n]}', num(qnorm(0.975)), num(qt(0.975, G - 1)), case(FALSE), case(TRUE)),
  "test/reference/cluster.json")
