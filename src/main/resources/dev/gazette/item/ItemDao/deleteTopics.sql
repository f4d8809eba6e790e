DELETE FROM item_topic WHERE item_id = :id
