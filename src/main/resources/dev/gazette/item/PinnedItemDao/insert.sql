INSERT INTO pinned_item (item_id, pinned_by, pinned_at) VALUES (:itemId, :by, :now)
