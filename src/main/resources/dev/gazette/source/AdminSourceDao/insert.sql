INSERT INTO admin_source (id, definition, created_by, created_at, updated_by, updated_at)
VALUES (:id, :definition, :by, :now, :by, :now)
