UPDATE item SET alerts_checked_at = :now WHERE id IN (<ids>)
