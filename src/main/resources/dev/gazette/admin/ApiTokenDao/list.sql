SELECT id, name, created_by, created_at, last_used_at, revoked_at, revoked_by
  FROM api_token
 ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, id DESC
