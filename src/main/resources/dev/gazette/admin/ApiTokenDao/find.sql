SELECT id, name, created_by, created_at, last_used_at, revoked_at, revoked_by FROM api_token WHERE id = :id
