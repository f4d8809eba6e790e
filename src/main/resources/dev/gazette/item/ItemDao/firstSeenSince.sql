SELECT i.*
  FROM item i
 WHERE i.first_seen_at >= :from
 ORDER BY i.first_seen_at DESC, i.id DESC
 LIMIT :limit
