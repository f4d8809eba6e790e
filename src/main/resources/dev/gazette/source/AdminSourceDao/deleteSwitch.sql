DELETE FROM source_switch WHERE source_id = :id
