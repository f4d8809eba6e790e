UPDATE alert
   SET query = :query, frequency = :frequency, updated_at = :now
 WHERE id = :id
