-- Record a match once: a pair already there (an item matched again after a restart) is left as it is.
INSERT INTO alert_match (alert_id, item_id, subscriber_id, matched_at)
SELECT :alertId, :itemId, :subscriberId, :now
 WHERE NOT EXISTS (SELECT 1 FROM alert_match WHERE alert_id = :alertId AND item_id = :itemId)
