SELECT slug, include_words, exclude_words, updated_at, updated_by FROM topic_override ORDER BY slug
