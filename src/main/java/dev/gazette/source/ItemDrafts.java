package dev.gazette.source;

import dev.gazette.item.CanonicalLinks;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns what a parser read into what the store keeps: fields fitted to their columns, link keyed, topics chosen. */
final class ItemDrafts {
    private static final int MAX_GUID = 1000;
    private static final int MAX_TITLE = 1000;
    private static final int MAX_LINK = 2000;
    private static final int MAX_LOCATION = 500;
    private static final int MAX_CATEGORIES = 2000;
    private static final int MAX_SUMMARY = 100_000;

    private ItemDrafts() {}

    /** The draft, without topics yet. */
    static ItemDraft from(ParsedItem parsed) {
        EventDetails event = parsed.event();
        String link = parsed.link() != null && parsed.link().length() <= MAX_LINK ? parsed.link() : null;
        String guid = parsed.guid().length() <= MAX_GUID ? parsed.guid() : StableIds.of(parsed.guid());
        String summaryHtml = parsed.summaryHtml().length() <= MAX_SUMMARY ? parsed.summaryHtml()
                : HtmlSanitizer.fromText(cut(HtmlSanitizer.text(parsed.summaryHtml()), MAX_SUMMARY / 2));
        return new ItemDraft(
                parsed.kind(),
                guid,
                link,
                CanonicalLinks.key(link, parsed.kind() == ItemKind.EVENT ? event.startsAt() : null),
                cut(oneLine(parsed.title()), MAX_TITLE),
                summaryHtml,
                HtmlSanitizer.text(summaryHtml),
                categories(parsed.categories()),
                parsed.publishedAt(),
                parsed.updatedAt(),
                event == null ? null : event.startsAt(),
                event == null ? null : event.endsAt(),
                event != null && event.allDay(),
                event == null || event.timeZone() == null ? null : cut(event.timeZone(), 64),
                event == null || event.location() == null ? null : cut(oneLine(event.location()), MAX_LOCATION),
                List.of());
    }

    private static List<String> categories(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        int length = 0;
        for (String c : raw) {
            String clean = oneLine(c);
            if (clean.isEmpty() || length + clean.length() + 1 > MAX_CATEGORIES) {
                continue;
            }
            if (out.add(clean)) {
                length += clean.length() + 1;
            }
        }
        return new ArrayList<>(out);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\x00]+", " ").strip();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
