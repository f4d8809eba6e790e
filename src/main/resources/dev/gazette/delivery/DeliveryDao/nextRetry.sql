SELECT next_attempt_at
  FROM delivery
 WHERE status IN ('QUEUED', 'SENDING')
   AND next_attempt_at IS NOT NULL
 ORDER BY next_attempt_at
 LIMIT 1
