SELECT * FROM subscriber WHERE id IN (<ids>) ORDER BY id
