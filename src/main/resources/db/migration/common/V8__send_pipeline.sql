-- Which claim took a delivery for sending: a send run claims a batch of waiting deliveries with one UPDATE that
-- stamps them with its own token, then reads back the rows that carry it (those it won; another sender keeps the
-- others). Kept after the delivery is done, so a row says which run last tried it.
ALTER TABLE delivery ADD COLUMN claim_token VARCHAR(40);

-- Planning reads the active subscribers of both frequencies in id order, a batch at a time.
CREATE INDEX subscriber_active_by_id ON subscriber (status, id);
