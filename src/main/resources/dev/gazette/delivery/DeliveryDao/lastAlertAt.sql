-- When the latest alert email of one kind (its edition's prefix) was recorded for this subscriber.
SELECT created_at
  FROM delivery
 WHERE subscriber_id = :subscriberId
   AND kind = 'ALERT'
   AND edition LIKE :pattern
 ORDER BY created_at DESC
 LIMIT 1
