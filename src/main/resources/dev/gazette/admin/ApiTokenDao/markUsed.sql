-- At most one write a minute per token, however many requests it makes.
UPDATE api_token
   SET last_used_at = :now
 WHERE id = :id
   AND (last_used_at IS NULL OR last_used_at < :staleBefore)
