INSERT INTO delivery (subscriber_id, edition, kind, window_start, window_end, recipient, status, attempts,
                      message_id, job_id, created_at, updated_at)
VALUES (:d.subscriberId, :d.edition, :d.kindName, :d.windowStart, :d.windowEnd, :d.recipient, 'QUEUED', 0,
        :d.messageId, :d.jobId, :now, :now)
