INSERT INTO api_token (name, token_hash, created_by, created_at) VALUES (:name, :tokenHash, :createdBy, :now)
