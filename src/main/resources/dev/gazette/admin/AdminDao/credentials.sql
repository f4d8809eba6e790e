SELECT id, password_hash FROM admin_user WHERE name_key = :nameKey
