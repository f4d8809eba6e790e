DELETE FROM topic_override WHERE slug = :slug
