INSERT INTO admin_session (id_hash, admin_id, created_at, last_seen_at) VALUES (:idHash, :adminId, :now, :now)
