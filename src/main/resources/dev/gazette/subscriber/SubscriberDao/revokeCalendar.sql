UPDATE subscriber SET calendar_version = calendar_version + 1, updated_at = :now WHERE id = :id
