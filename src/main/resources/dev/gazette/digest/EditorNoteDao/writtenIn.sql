-- The notes written in [from, to) and not withdrawn, oldest first.
SELECT *
  FROM editor_note
 WHERE created_at >= :from
   AND created_at < :to
   AND withdrawn_at IS NULL
 ORDER BY created_at, id
