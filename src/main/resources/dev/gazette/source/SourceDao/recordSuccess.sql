UPDATE source
   SET etag = :etag, last_modified = :lastModified, last_attempt_at = :now, last_success_at = :now,
       consecutive_failures = 0, retry_after = NULL
 WHERE id = :id
