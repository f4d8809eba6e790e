INSERT INTO admin_user (name, name_key, password_hash, created_at, password_changed_at)
VALUES (:name, :nameKey, :passwordHash, :now, :now)
