-- Matches no email carried yet, of subscribers who are not active: never sent, so a reader who comes back later
-- is not mailed what their alerts found while they were away.
DELETE FROM alert_match
 WHERE delivery_id IS NULL
   AND subscriber_id IN (SELECT id FROM subscriber WHERE status <> 'ACTIVE')
