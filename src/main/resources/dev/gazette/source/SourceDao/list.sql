SELECT s.*, (SELECT COUNT(*) FROM item i WHERE i.source_id = s.id) AS item_count
  FROM source s
 ORDER BY s.enabled DESC, s.id
