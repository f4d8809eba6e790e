-- Only one runner takes a job that has not begun.
UPDATE send_job SET status = 'RUNNING', started_at = :now WHERE id = :id AND status = 'PLANNED'
