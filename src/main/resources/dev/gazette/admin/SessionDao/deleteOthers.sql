DELETE FROM admin_session
 WHERE admin_id = :adminId
   AND (CAST(:keepHash AS VARCHAR(64)) IS NULL OR id_hash <> :keepHash)
