UPDATE source
   SET last_attempt_at = :now, last_error_at = :now, last_error = :error,
       consecutive_failures = consecutive_failures + 1, retry_after = :retryAfter
 WHERE id = :id
