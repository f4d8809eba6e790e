SELECT *
  FROM delivery
 WHERE job_id = :jobId
   AND (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status)
 ORDER BY id DESC
 LIMIT :limit
