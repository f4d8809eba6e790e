SELECT id
  FROM delivery
 WHERE status IN ('QUEUED', 'SENDING')
   AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
 ORDER BY id
 LIMIT :limit
