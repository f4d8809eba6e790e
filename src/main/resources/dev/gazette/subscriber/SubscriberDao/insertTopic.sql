INSERT INTO subscriber_topic (subscriber_id, topic) VALUES (:id, :topic)
