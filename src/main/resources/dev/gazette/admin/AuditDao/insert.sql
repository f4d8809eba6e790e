INSERT INTO audit_log (created_at, actor, action, target, detail) VALUES (:now, :actor, :action, :target, :detail)
