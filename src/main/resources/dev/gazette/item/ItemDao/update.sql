-- A changed item: its new text is matched against the alerts again (alerts_checked_at cleared); an alert that
-- matched it before does not report it again (alert_match keeps one row per alert and item).
UPDATE item
   SET kind = :d.kind, link = :d.link, link_key = :d.linkKey, title = :d.title,
       summary_html = :d.summaryHtml, summary_text = :d.summaryText, categories = :categories,
       published_at = :d.publishedAt, updated_at = :d.updatedAt, starts_at = :d.startsAt, ends_at = :d.endsAt,
       all_day = :d.allDay, time_zone = :d.timeZone, location = :d.location,
       content_hash = :contentHash, last_seen_at = :now, changed_at = :now,
       alerts_checked_at = NULL
 WHERE id = :id
