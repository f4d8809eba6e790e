SELECT COUNT(*) FROM alert WHERE subscriber_id = :subscriberId
