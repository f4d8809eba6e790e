SELECT COUNT(*) FROM item WHERE first_seen_at >= :from AND first_seen_at < :to
