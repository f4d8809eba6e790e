SELECT MIN(next_attempt_at)
  FROM delivery
 WHERE job_id = :jobId
   AND status IN ('QUEUED', 'SENDING')
   AND next_attempt_at IS NOT NULL
