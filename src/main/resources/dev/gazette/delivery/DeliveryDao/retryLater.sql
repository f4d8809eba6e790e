UPDATE delivery
   SET status = 'QUEUED', last_error = :error, next_attempt_at = :at, updated_at = :now
 WHERE id = :id
