SELECT calendar_version FROM subscriber WHERE id = :id
