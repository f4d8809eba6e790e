-- How many alerts there are, and how many items they matched since a time.
SELECT (SELECT COUNT(*) FROM alert) AS alerts,
       (SELECT COUNT(*) FROM alert_match WHERE matched_at >= :since) AS matches
