-- Sign-ups never confirmed: their topics and deliveries go with them (ON DELETE CASCADE).
DELETE FROM subscriber
 WHERE status = 'PENDING'
   AND created_at < :cutoff
