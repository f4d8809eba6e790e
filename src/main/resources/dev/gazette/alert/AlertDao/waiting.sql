-- Per subscriber and alert frequency: the matches no email carries yet, of alerts that are not paused, of
-- subscribers who are active (what waits for someone who left is never sent).
SELECT m.subscriber_id, a.frequency, MIN(m.matched_at) AS oldest, COUNT(*) AS total
  FROM alert_match m
  JOIN alert a ON a.id = m.alert_id
  JOIN subscriber s ON s.id = m.subscriber_id
 WHERE m.delivery_id IS NULL
   AND a.paused = FALSE
   AND s.status = 'ACTIVE'
 GROUP BY m.subscriber_id, a.frequency
