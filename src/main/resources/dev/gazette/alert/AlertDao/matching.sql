-- The alerts that are matched against new items: not paused, and of a subscriber who is active.
SELECT a.id, a.subscriber_id, a.query, a.frequency, a.paused, a.created_at, a.updated_at
  FROM alert a
  JOIN subscriber s ON s.id = a.subscriber_id
 WHERE a.paused = FALSE
   AND s.status = 'ACTIVE'
 ORDER BY a.id
