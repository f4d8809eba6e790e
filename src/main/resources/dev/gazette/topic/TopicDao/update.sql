UPDATE topic_override
   SET include_words = :includeWords, exclude_words = :excludeWords, updated_at = :now, updated_by = :by
 WHERE slug = :slug
