INSERT INTO topic_override (slug, include_words, exclude_words, updated_at, updated_by)
VALUES (:slug, :includeWords, :excludeWords, :now, :by)
