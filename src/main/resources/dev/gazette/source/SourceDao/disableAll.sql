UPDATE source SET enabled = FALSE
