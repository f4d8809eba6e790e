-- Give an email the subscriber's waiting matches of one alert frequency, found up to its planning time. Only
-- matches no email has are taken, so each match goes out in one email; running it again for the same email
-- (a retry) takes nothing new.
UPDATE alert_match
   SET delivery_id = :deliveryId
 WHERE delivery_id IS NULL
   AND subscriber_id = :subscriberId
   AND matched_at <= :upTo
   AND alert_id IN (SELECT id FROM alert
                     WHERE subscriber_id = :subscriberId
                       AND frequency = :frequency
                       AND paused = FALSE)
