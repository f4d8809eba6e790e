SELECT definition_hash FROM source WHERE id = :id
