SELECT alert_id, item_id, subscriber_id, matched_at, delivery_id
  FROM alert_match
 WHERE delivery_id = :deliveryId
 ORDER BY alert_id, matched_at, item_id
