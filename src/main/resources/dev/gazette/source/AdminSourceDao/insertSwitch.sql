INSERT INTO source_switch (source_id, enabled, changed_by, changed_at) VALUES (:id, :enabled, :by, :now)
