SELECT subscriber_id, MAX(window_end) AS window_end
  FROM delivery
 WHERE subscriber_id IN (<ids>)
   AND kind = 'DIGEST'
   AND status IN ('SENT', 'SKIPPED')
 GROUP BY subscriber_id
