SELECT * FROM editor_note ORDER BY created_at DESC, id DESC LIMIT :limit
