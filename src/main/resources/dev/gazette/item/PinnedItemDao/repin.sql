-- Pinning an unpinned item again features it again, from now.
UPDATE pinned_item
   SET pinned_by = :by, pinned_at = :now, unpinned_at = NULL, unpinned_by = NULL
 WHERE item_id = :itemId
   AND unpinned_at IS NOT NULL
