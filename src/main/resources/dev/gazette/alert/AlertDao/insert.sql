INSERT INTO alert (subscriber_id, query, frequency, paused, created_at, updated_at)
VALUES (:subscriberId, :query, :frequency, FALSE, :now, :now)
