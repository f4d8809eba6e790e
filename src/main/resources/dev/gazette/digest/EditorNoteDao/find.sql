SELECT * FROM editor_note WHERE id = :id
