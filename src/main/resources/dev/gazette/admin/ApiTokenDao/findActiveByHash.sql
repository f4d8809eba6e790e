SELECT id, name, created_by, created_at, last_used_at, revoked_at, revoked_by
  FROM api_token
 WHERE token_hash = :tokenHash
   AND revoked_at IS NULL
