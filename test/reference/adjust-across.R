#!/usr/bin/Rscript
# Reference for --adjust-across all (issue 14): R p.adjust over the raw vs-rest p-values of
# `cxm score fixtures/responses.csv --by region --metric nps,csat --adjust-across all --format json`
# (NPS then CSAT, regions in table order; those p-values are themselves checked against statsmodels in
# test/analysis/score-reference.test.ts), as one BH family of 8, and per metric (the default: two of 4).
# Regenerate: /usr/bin/Rscript test/reference/adjust-across.R P1 … P8 > test/reference/adjust-across.json
p <- as.numeric(commandArgs(trailingOnly = TRUE))
num <- function(x) paste0("[", paste(formatC(x, digits = 17, format = "g"), collapse = ", "), "]")
cat(sprintf('{"p": %s, "all": %s, "perMetric": %s}\n', num(p), num(p.adjust(p, "BH")), num(c(p.adjust(p[1:4], "BH"), p.adjust(p[5:8], "BH")))))
