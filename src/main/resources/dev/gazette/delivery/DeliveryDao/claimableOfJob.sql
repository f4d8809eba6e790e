SELECT id
  FROM delivery
 WHERE job_id = :jobId
   AND status IN ('QUEUED', 'SENDING')
   AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
 ORDER BY id
 LIMIT :limit
