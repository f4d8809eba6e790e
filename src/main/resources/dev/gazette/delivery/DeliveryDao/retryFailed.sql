-- Failed deliveries (of one subscriber, or all) go back to the queue with their attempts reset; the last error
-- stays until the next attempt replaces it.
UPDATE delivery
   SET status = 'QUEUED', attempts = 0, next_attempt_at = NULL, updated_at = :now
 WHERE status = 'FAILED'
   AND (CAST(:subscriberId AS BIGINT) IS NULL OR subscriber_id = :subscriberId)
