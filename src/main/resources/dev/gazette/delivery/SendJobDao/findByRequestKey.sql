SELECT * FROM send_job WHERE request_key = :requestKey
