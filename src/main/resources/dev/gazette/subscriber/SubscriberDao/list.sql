SELECT s.*
  FROM subscriber s
 WHERE s.id > :afterId
   AND (CAST(:status AS VARCHAR(16)) IS NULL OR s.status = :status)
   AND (CAST(:topic AS VARCHAR(64)) IS NULL
        OR EXISTS (SELECT 1 FROM subscriber_topic t WHERE t.subscriber_id = s.id AND t.topic = :topic))
   AND (CAST(:pattern AS VARCHAR(1000)) IS NULL
        OR s.email_key LIKE :pattern ESCAPE '!'
        OR LOWER(s.name) LIKE :pattern ESCAPE '!')
 ORDER BY s.id
 LIMIT :limit
