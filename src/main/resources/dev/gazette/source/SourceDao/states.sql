-- Every source's state, without counting its items (a collection reads them all at once).
SELECT s.*, 0 AS item_count FROM source s
