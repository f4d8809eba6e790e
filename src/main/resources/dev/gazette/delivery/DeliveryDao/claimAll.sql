-- A sender takes these deliveries for sending, each only if it is still waiting (or its earlier claim ran out);
-- the rows it won carry its token (claimed reads them back).
UPDATE delivery
   SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = :leaseUntil, claim_token = :token,
       updated_at = :now
 WHERE id IN (<ids>)
   AND status IN ('QUEUED', 'SENDING')
   AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
