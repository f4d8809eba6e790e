-- Every link signed so far stops working: those in emails (token_version) and the calendar feed's (calendar_version).
UPDATE subscriber
   SET token_version = token_version + 1, calendar_version = calendar_version + 1, updated_at = :now
 WHERE id = :id
