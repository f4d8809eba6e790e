SELECT * FROM delivery WHERE id = :id
