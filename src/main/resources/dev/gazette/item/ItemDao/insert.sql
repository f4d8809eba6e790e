INSERT INTO item (source_id, kind, guid, link, link_key, title, summary_html, summary_text, categories,
                  published_at, updated_at, starts_at, ends_at, all_day, time_zone, location,
                  content_hash, first_seen_at, last_seen_at, changed_at)
VALUES (:sourceId, :d.kind, :d.guid, :d.link, :d.linkKey, :d.title, :d.summaryHtml, :d.summaryText, :categories,
        :d.publishedAt, :d.updatedAt, :d.startsAt, :d.endsAt, :d.allDay, :d.timeZone, :d.location,
        :contentHash, :now, :now, :now)
