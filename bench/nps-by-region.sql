-- NPS by region, as an analyst would write it in DuckDB. $FILE is replaced by the runner.
SELECT region,
       count(nps) AS n,
       count(*) FILTER (WHERE nps >= 9) AS promoters,
       count(*) FILTER (WHERE nps <= 6) AS detractors,
       100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps) AS nps
FROM read_csv('$FILE', header = true)
WHERE nps IS NOT NULL
GROUP BY region
ORDER BY region;
