-- When the latest email about a subscription (confirmation or notice) was recorded for this subscriber.
SELECT created_at
  FROM delivery
 WHERE subscriber_id = :subscriberId
   AND kind IN ('CONFIRM', 'NOTICE')
 ORDER BY created_at DESC
 LIMIT 1
