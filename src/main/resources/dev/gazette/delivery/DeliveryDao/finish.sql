UPDATE delivery
   SET status = :status,
       last_error = :error,
       item_count = COALESCE(:itemCount, item_count),
       next_attempt_at = NULL,
       sent_at = CASE WHEN :status = 'SENT' THEN CAST(:now AS TIMESTAMP WITH TIME ZONE) ELSE sent_at END,
       updated_at = :now
 WHERE id = :id
