SELECT * FROM delivery WHERE claim_token = :token AND id IN (<ids>) ORDER BY id
