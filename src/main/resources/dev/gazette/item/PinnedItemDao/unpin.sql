UPDATE pinned_item SET unpinned_at = :now, unpinned_by = :by WHERE item_id = :itemId AND unpinned_at IS NULL
