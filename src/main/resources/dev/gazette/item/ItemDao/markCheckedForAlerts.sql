-- Mark items as matched, unless one changed after the run read it (its new text is then matched by the next run).
UPDATE item
   SET alerts_checked_at = :now
 WHERE id IN (<ids>)
   AND changed_at <= :upTo
