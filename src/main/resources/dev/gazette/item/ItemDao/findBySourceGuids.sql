SELECT id, guid, content_hash
  FROM item
 WHERE source_id = :sourceId
   AND guid IN (<guids>)
