SELECT token_version FROM subscriber WHERE id = :id
