UPDATE subscriber
   SET status = 'UNSUBSCRIBED', unsubscribed_at = :now, updated_at = :now
 WHERE id = :id
   AND status <> 'UNSUBSCRIBED'
