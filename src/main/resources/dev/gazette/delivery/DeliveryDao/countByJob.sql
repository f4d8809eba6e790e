SELECT status, COUNT(*) AS count FROM delivery WHERE job_id = :jobId GROUP BY status
