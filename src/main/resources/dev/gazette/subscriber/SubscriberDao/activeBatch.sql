-- Active subscribers of both frequencies after an id, by id: a range of the index (status, id), read in order, so
-- each batch costs its own rows, not a scan of every subscriber before it.
SELECT s.*
  FROM subscriber s
 WHERE s.status = 'ACTIVE'
   AND s.frequency <> 'PAUSED'
   AND s.id > :afterId
 ORDER BY s.status, s.id -- the index's own order (status is fixed): H2 then reads it sorted, stopping at the limit
 LIMIT :limit
