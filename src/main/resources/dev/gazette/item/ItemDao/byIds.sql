SELECT i.* FROM item i WHERE i.id IN (<ids>)
