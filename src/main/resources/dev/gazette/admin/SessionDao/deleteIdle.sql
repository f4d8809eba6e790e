DELETE FROM admin_session WHERE last_seen_at < :idleSince
