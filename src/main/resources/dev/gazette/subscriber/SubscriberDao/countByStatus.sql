SELECT status, COUNT(*) AS total FROM subscriber GROUP BY status
