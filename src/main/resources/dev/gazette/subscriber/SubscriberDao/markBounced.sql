UPDATE subscriber
   SET status = 'BOUNCED', bounced_at = :now, bounce_reason = :reason, updated_at = :now
 WHERE id = :id
   AND status IN ('ACTIVE', 'PENDING')
