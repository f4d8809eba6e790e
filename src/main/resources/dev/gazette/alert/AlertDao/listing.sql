SELECT a.id, a.subscriber_id, a.query, a.frequency, a.paused, a.created_at, a.updated_at, s.email
  FROM alert a
  JOIN subscriber s ON s.id = a.subscriber_id
 WHERE (CAST(:subscriberId AS BIGINT) IS NULL OR a.subscriber_id = :subscriberId)
 ORDER BY a.id DESC
 LIMIT :limit
