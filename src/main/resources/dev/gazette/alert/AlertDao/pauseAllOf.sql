UPDATE alert
   SET paused = TRUE, updated_at = :now
 WHERE subscriber_id = :subscriberId
   AND paused = FALSE
