SELECT * FROM subscriber WHERE email_key = :emailKey
