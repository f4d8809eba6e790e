-- Events tagged with one of the topics that start in [from, to), or that started since :earliestStart and
-- are still going on at :from: a timed event whose end is after :from; an all-day event whose last day has
-- not ended everywhere (its exclusive end, or its start plus a day when it has none, after :from - 12h, the
-- end of that day at UTC-12). Soonest first.
-- Served by the index item_starts (starts_at): the range [earliestStart, to) bounds the scan.
SELECT i.*
  FROM item i
 WHERE i.kind = 'EVENT'
   AND i.starts_at >= :earliestStart
   AND i.starts_at < :to
   AND (i.starts_at >= :from
        OR (NOT i.all_day AND i.ends_at > :from)
        OR (i.all_day AND i.ends_at > :allDayEndAfter)
        OR (i.all_day AND i.ends_at IS NULL AND i.starts_at > :allDayStartAfter))
   AND EXISTS (SELECT 1 FROM item_topic t WHERE t.item_id = i.id AND t.topic IN (<topics>))
 ORDER BY i.starts_at, i.id
