SELECT status, COUNT(*) AS count FROM delivery GROUP BY status
