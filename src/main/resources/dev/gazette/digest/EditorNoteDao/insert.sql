INSERT INTO editor_note (markdown, created_by, created_at, updated_at) VALUES (:markdown, :by, :now, :now)
