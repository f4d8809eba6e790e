UPDATE source
   SET name = :name, type = :type, url = :url, definition_hash = :hash, enabled = :enabled
 WHERE id = :id
