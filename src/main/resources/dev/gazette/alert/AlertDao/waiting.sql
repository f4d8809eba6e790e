-- Per subscriber and alert frequency: the matches no email carries yet, of alerts that are not paused.
SELECT m.subscriber_id, a.frequency, MIN(m.matched_at) AS oldest, COUNT(*) AS total
  FROM alert_match m
  JOIN alert a ON a.id = m.alert_id
 WHERE m.delivery_id IS NULL
   AND a.paused = FALSE
 GROUP BY m.subscriber_id, a.frequency
