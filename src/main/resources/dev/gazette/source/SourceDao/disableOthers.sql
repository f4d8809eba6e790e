UPDATE source SET enabled = FALSE WHERE id NOT IN (<ids>)
