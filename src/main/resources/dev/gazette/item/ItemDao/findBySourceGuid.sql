SELECT id, content_hash
  FROM item
 WHERE source_id = :sourceId
   AND guid = :guid
