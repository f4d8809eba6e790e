UPDATE editor_note SET withdrawn_at = :now, withdrawn_by = :by WHERE id = :id AND withdrawn_at IS NULL
