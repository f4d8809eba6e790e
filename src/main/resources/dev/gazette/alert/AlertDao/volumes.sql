SELECT a.id AS alert_id,
       COALESCE(SUM(CASE WHEN m.matched_at >= :weekAgo THEN 1 ELSE 0 END), 0) AS last_week,
       COALESCE(SUM(CASE WHEN m.matched_at >= :monthAgo THEN 1 ELSE 0 END), 0) AS last_month,
       COUNT(m.item_id) AS total,
       COALESCE(SUM(CASE WHEN m.item_id IS NOT NULL AND m.delivery_id IS NULL THEN 1 ELSE 0 END), 0) AS waiting,
       MAX(m.matched_at) AS last_matched_at
  FROM alert a
  LEFT JOIN alert_match m ON m.alert_id = a.id
 WHERE a.id IN (<alertIds>)
 GROUP BY a.id
