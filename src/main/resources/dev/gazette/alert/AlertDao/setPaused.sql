UPDATE alert
   SET paused = :paused, updated_at = :now
 WHERE id = :id
