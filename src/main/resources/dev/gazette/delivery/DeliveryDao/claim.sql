-- Only one sender wins a delivery: the row must still be waiting (or its earlier claim must have run out).
UPDATE delivery
   SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = :leaseUntil, updated_at = :now
 WHERE id = :id
   AND status IN ('QUEUED', 'SENDING')
   AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
