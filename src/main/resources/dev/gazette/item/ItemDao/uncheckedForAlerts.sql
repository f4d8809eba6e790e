-- Items to match against the alerts, in id order from a cursor: not matched since they were collected or last
-- changed (alerts_checked_at is cleared by a change), and changed no later than upTo, the moment the matching run
-- read the alerts (later ones wait for the next run, which knows the alerts made meanwhile).
SELECT i.*
  FROM item i
 WHERE i.alerts_checked_at IS NULL
   AND i.id > :afterId
   AND i.changed_at <= :upTo
 ORDER BY i.id
 LIMIT :limit
