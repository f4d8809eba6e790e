UPDATE admin_user SET password_hash = :passwordHash, password_changed_at = :now WHERE id = :id
