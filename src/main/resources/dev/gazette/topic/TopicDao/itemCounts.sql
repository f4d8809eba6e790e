SELECT topic, COUNT(*) AS total FROM item_topic GROUP BY topic
