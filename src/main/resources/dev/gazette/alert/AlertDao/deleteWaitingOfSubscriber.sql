-- A subscriber's matches that no email carried yet (all their alerts were paused).
DELETE FROM alert_match
 WHERE subscriber_id = :subscriberId
   AND delivery_id IS NULL
