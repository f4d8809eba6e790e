UPDATE source
   SET etag = NULL, last_modified = NULL, consecutive_failures = 0, retry_after = NULL
 WHERE id = :id
