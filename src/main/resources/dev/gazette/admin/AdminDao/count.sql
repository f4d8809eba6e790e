SELECT COUNT(*) FROM admin_user
