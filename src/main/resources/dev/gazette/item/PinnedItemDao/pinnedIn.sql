-- The items pinned in [from, to) and still pinned, in the order they were pinned.
SELECT i.*
  FROM item i
  JOIN pinned_item p ON p.item_id = i.id
 WHERE p.pinned_at >= :from
   AND p.pinned_at < :to
   AND p.unpinned_at IS NULL
 ORDER BY p.pinned_at, i.id
