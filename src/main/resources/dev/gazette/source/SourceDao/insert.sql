INSERT INTO source (id, name, type, url, definition_hash, enabled, consecutive_failures, created_at)
VALUES (:id, :name, :type, :url, :hash, :enabled, 0, :now)
