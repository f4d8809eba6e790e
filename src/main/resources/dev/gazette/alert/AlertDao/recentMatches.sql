SELECT alert_id, item_id, subscriber_id, matched_at, delivery_id
  FROM alert_match
 WHERE alert_id = :alertId
 ORDER BY matched_at DESC, item_id DESC
 LIMIT :limit
