DELETE FROM alert WHERE id = :id
