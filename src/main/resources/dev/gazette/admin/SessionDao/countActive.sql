SELECT COUNT(*) FROM admin_session WHERE admin_id = :adminId AND last_seen_at >= :idleSince
