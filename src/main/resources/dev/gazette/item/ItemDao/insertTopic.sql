INSERT INTO item_topic (item_id, topic) VALUES (:id, :topic)
