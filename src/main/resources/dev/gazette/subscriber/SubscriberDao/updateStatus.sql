UPDATE subscriber
   SET confirmed_at = CASE WHEN :status = 'ACTIVE' AND confirmed_at IS NULL THEN :now ELSE confirmed_at END,
       unsubscribed_at = CASE WHEN :status = 'UNSUBSCRIBED' AND status <> 'UNSUBSCRIBED' THEN :now
                              ELSE unsubscribed_at END,
       bounced_at = CASE WHEN :status = 'BOUNCED' AND status <> 'BOUNCED' THEN :now ELSE bounced_at END,
       status = :status,
       updated_at = :now
 WHERE id = :id
   AND status <> :status
