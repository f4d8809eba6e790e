SELECT status, COUNT(*) AS total
  FROM delivery
 WHERE updated_at >= :from
   AND updated_at < :to
   AND status IN ('SENT', 'FAILED', 'SKIPPED')
 GROUP BY status
