INSERT INTO send_job (request_key, audience, topic, frequency, test_address, subscriber_id, status, created_by,
                      created_at)
VALUES (:requestKey, :r.audience, :r.topic, :r.frequency, :r.testAddress, :r.subscriberId, 'PLANNED', :createdBy,
        :now)
