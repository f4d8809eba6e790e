SELECT i.*
  FROM item i
 WHERE (CAST(:sourceId AS VARCHAR(64)) IS NULL OR i.source_id = :sourceId)
   AND (CAST(:kind AS VARCHAR(16)) IS NULL OR i.kind = :kind)
   AND (CAST(:topic AS VARCHAR(64)) IS NULL
        OR EXISTS (SELECT 1 FROM item_topic t WHERE t.item_id = i.id AND t.topic = :topic))
   AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL
        OR COALESCE(i.starts_at, i.published_at, i.first_seen_at) >= :since)
 ORDER BY COALESCE(i.starts_at, i.published_at, i.first_seen_at) DESC, i.id DESC
 LIMIT :limit
