-- Articles first collected in [from, to) and tagged with one of the topics; newest first.
-- Served by the index item_first_seen (first_seen_at) and the primary key of item_topic.
SELECT i.*
  FROM item i
 WHERE i.kind = 'ARTICLE'
   AND i.first_seen_at >= :from
   AND i.first_seen_at < :to
   AND EXISTS (SELECT 1 FROM item_topic t WHERE t.item_id = i.id AND t.topic IN (<topics>))
 ORDER BY COALESCE(i.published_at, i.first_seen_at) DESC, i.id DESC
