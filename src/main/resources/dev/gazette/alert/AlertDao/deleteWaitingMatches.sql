-- Matches of a paused alert that no email carried yet: dropped, so resuming it later does not mail old news.
DELETE FROM alert_match
 WHERE alert_id = :alertId
   AND delivery_id IS NULL
