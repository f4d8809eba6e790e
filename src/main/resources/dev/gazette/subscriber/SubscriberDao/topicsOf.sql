SELECT subscriber_id, topic FROM subscriber_topic WHERE subscriber_id IN (<ids>) ORDER BY subscriber_id, topic
