-- NPS by region and ISO week ("2024-W07"). $FILE is replaced by the runner.
SELECT region,
       strftime(submitted_at::TIMESTAMP, '%G-W%V') AS week,
       count(nps) AS n,
       count(*) FILTER (WHERE nps >= 9) AS promoters,
       count(*) FILTER (WHERE nps <= 6) AS detractors,
       100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps) AS nps
FROM read_csv('$FILE', header = true)
WHERE nps IS NOT NULL
GROUP BY ALL
ORDER BY region, week;
