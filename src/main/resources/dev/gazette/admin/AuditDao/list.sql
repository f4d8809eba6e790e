SELECT id, created_at, actor, action, target, detail
  FROM audit_log
 WHERE id < :beforeId
   AND (CAST(:actor AS VARCHAR(100)) IS NULL OR actor = :actor)
   AND (CAST(:action AS VARCHAR(64)) IS NULL OR action = :action OR action LIKE CONCAT(:action, '.%'))
 ORDER BY id DESC
 LIMIT :limit
