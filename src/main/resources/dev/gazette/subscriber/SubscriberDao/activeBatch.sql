SELECT s.*
  FROM subscriber s
 WHERE s.status = 'ACTIVE'
   AND s.id > :afterId
   AND ((CAST(:frequency AS VARCHAR(16)) IS NULL AND s.frequency <> 'PAUSED') OR s.frequency = :frequency)
 ORDER BY s.id
 LIMIT :limit
