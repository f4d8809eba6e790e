INSERT INTO subscriber (email, email_key, name, status, frequency, send_day, send_hour, time_zone, locale,
                        created_at, updated_at, confirmed_at, unsubscribed_at, bounced_at, bounce_reason)
VALUES (:r.email, :r.emailKey, :r.name, :r.status, :r.frequency, :r.sendDay, :r.sendHour, :r.timeZone, :r.locale,
        :now, :now, :confirmedAt, :unsubscribedAt, :bouncedAt, :bounceReason)
