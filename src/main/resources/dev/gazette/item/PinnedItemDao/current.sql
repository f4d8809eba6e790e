SELECT item_id, pinned_by, pinned_at, unpinned_at
  FROM pinned_item
 WHERE unpinned_at IS NULL
 ORDER BY pinned_at DESC, item_id DESC
 LIMIT :limit
