-- Hold the subscriber's row until the transaction ends (counting their alerts before adding one).
SELECT id FROM subscriber WHERE id = :subscriberId FOR UPDATE
