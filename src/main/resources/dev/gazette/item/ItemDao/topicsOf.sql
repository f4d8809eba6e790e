SELECT item_id, topic FROM item_topic WHERE item_id IN (<ids>) ORDER BY item_id, topic
