SELECT id, subscriber_id, query, frequency, paused, created_at, updated_at
  FROM alert
 WHERE id = :id
