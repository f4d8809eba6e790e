SELECT a.id, a.subscriber_id, a.query, a.frequency, a.paused, a.created_at, a.updated_at, s.email
  FROM alert a
  JOIN subscriber s ON s.id = a.subscriber_id
 WHERE (CAST(:subscriberId AS BIGINT) IS NULL OR a.subscriber_id = :subscriberId)
   AND (CAST(:frequency AS VARCHAR(16)) IS NULL OR a.frequency = :frequency)
   AND (CAST(:paused AS BOOLEAN) IS NULL OR a.paused = :paused)
 ORDER BY a.id DESC
 LIMIT :limit
