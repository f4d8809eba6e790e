SELECT * FROM admin_source WHERE id = :id
