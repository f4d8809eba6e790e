DELETE FROM subscriber_topic WHERE subscriber_id = :id
