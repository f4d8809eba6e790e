SELECT item_id, pinned_by, pinned_at, unpinned_at FROM pinned_item WHERE item_id = :itemId
