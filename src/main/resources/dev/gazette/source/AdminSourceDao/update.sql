UPDATE admin_source SET definition = :definition, updated_by = :by, updated_at = :now WHERE id = :id
