SELECT t.topic, COUNT(*) AS total
  FROM subscriber_topic t
  JOIN subscriber s ON s.id = t.subscriber_id
 WHERE s.status = 'ACTIVE'
 GROUP BY t.topic
