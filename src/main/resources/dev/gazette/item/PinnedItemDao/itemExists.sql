SELECT COUNT(*) FROM item WHERE id = :itemId
