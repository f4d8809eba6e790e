SELECT * FROM item WHERE id = :id
