INSERT INTO setting (name, setting_value) VALUES (:name, :value)
