DELETE FROM admin_session WHERE id_hash = :idHash
