SELECT * FROM send_job WHERE id = :id
