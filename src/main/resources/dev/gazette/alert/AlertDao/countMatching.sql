SELECT COUNT(*)
  FROM alert a
  JOIN subscriber s ON s.id = a.subscriber_id
 WHERE a.paused = FALSE
   AND s.status = 'ACTIVE'
