UPDATE subscriber
   SET name = :p.name, frequency = :p.frequency, send_day = :p.sendDay, send_hour = :p.sendHour,
       time_zone = :p.timeZone, locale = :p.locale, updated_at = :now
 WHERE id = :id
