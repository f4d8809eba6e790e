-- Items collected since the last alert matching (alerts_checked_at is set once they have been matched).
SELECT i.*
  FROM item i
 WHERE i.alerts_checked_at IS NULL
 ORDER BY i.id
 LIMIT :limit
