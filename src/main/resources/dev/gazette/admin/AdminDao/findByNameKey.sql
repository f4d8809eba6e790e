SELECT id, name, created_at, password_changed_at, last_login_at FROM admin_user WHERE name_key = :nameKey
