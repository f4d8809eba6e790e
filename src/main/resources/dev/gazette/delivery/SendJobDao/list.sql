SELECT * FROM send_job ORDER BY id DESC LIMIT :limit
