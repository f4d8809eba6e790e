SELECT * FROM subscriber WHERE id = :id
