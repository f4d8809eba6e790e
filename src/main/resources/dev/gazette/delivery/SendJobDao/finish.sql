UPDATE send_job
   SET status = :status, finished_at = :now, last_error = :error
 WHERE id = :id
   AND status IN ('PLANNED', 'RUNNING')
