SELECT *
  FROM delivery
 WHERE (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status)
   AND (CAST(:subscriberId AS BIGINT) IS NULL OR subscriber_id = :subscriberId)
 ORDER BY id DESC
 LIMIT :limit
