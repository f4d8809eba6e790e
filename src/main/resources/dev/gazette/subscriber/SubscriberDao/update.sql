UPDATE subscriber
   SET email = :r.email, email_key = :r.emailKey, name = :r.name, status = :r.status, frequency = :r.frequency,
       send_day = :r.sendDay, send_hour = :r.sendHour, time_zone = :r.timeZone, locale = :r.locale,
       updated_at = :now,
       unsubscribed_at = CASE WHEN :r.status = 'UNSUBSCRIBED' AND status <> 'UNSUBSCRIBED' THEN :now
                              ELSE unsubscribed_at END,
       bounced_at = CASE WHEN :r.status = 'BOUNCED' AND status <> 'BOUNCED' THEN :now ELSE bounced_at END,
       bounce_reason = CASE WHEN :r.status = 'BOUNCED' AND status <> 'BOUNCED' THEN :bounceReason
                            ELSE bounce_reason END
 WHERE id = :id
