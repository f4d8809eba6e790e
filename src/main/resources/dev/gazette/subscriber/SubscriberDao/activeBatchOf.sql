-- Active subscribers of one frequency after an id, by id: a range of the index (status, frequency, id).
SELECT s.*
  FROM subscriber s
 WHERE s.status = 'ACTIVE'
   AND s.frequency = :frequency
   AND s.id > :afterId
 ORDER BY s.status, s.frequency, s.id -- the index's own order: H2 then reads it sorted, stopping at the limit
 LIMIT :limit
