UPDATE editor_note SET markdown = :markdown, updated_at = :now WHERE id = :id AND withdrawn_at IS NULL
