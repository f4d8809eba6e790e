UPDATE send_job SET planned_at = :now, already_had = :alreadyHad WHERE id = :id AND status = 'RUNNING'
