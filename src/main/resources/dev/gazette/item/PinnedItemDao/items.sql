SELECT * FROM item WHERE id IN (<ids>)
