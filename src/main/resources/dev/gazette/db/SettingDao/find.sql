SELECT setting_value FROM setting WHERE name = :name
