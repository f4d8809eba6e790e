SELECT s.admin_id, a.name AS admin_name, s.created_at, s.last_seen_at
  FROM admin_session s
  JOIN admin_user a ON a.id = s.admin_id
 WHERE s.id_hash = :idHash
