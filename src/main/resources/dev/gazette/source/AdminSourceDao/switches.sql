SELECT source_id, enabled, changed_by, changed_at FROM source_switch
