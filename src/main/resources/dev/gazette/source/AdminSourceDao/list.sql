SELECT * FROM admin_source ORDER BY id
