SELECT COUNT(*) FROM item WHERE source_id = :sourceId
