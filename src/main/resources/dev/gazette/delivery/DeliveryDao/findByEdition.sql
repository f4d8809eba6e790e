SELECT * FROM delivery WHERE subscriber_id = :subscriberId AND edition = :edition
