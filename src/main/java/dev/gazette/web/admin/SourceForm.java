package dev.gazette.web.admin;

import dev.gazette.config.Durations;
import dev.gazette.config.PageSelectors;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.item.ItemKind;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The source form's values as typed (strings, so a bad one is shown back as it was). Field names are the
 * configuration file's keys ({@code url}, {@code page.item}, {@code page.date-formats}), the keys
 * {@link dev.gazette.source.SourceChangeException#details()} names, so each problem lands beside its field.
 *
 * @param type a {@link SourceType} name
 * @param interval as written ("6h"); blank for the default
 * @param itemKind an {@link ItemKind} name
 * @param dateFormats one pattern per line
 */
public record SourceForm(String id, String name, String type, String url, String interval, String cron,
        List<String> topics, boolean enabled, String itemKind, String item, String title, String link, String date,
        String summary, String start, String end, String location, String dateFormats, String timeZone,
        String locale) {

    /** An empty form: a feed, on, collected at the default interval. */
    static SourceForm blank() {
        return new SourceForm("", "", SourceType.FEED.name(), "", "", "", List.of(), true, ItemKind.ARTICLE.name(), "",
                "", "", "", "", "", "", "", "", "", "en");
    }

    static SourceForm of(SourceConfig s) {
        PageSelectors p = s.page();
        return new SourceForm(s.id(), s.name(), s.type() == null ? "" : s.type().name(), s.url(),
                s.interval() == null ? "" : Durations.format(s.interval()), nonNull(s.cron()), s.topics(), s.enabled(),
                p == null || p.itemKind() == null ? ItemKind.ARTICLE.name() : p.itemKind().name(),
                p == null ? "" : nonNull(p.item()), p == null ? "" : nonNull(p.title()), p == null ? "" : nonNull(p.link()),
                p == null ? "" : nonNull(p.date()), p == null ? "" : nonNull(p.summary()),
                p == null ? "" : nonNull(p.start()), p == null ? "" : nonNull(p.end()),
                p == null ? "" : nonNull(p.location()), p == null ? "" : String.join("\n", p.dateFormats()),
                p == null ? "" : nonNull(p.timeZone()), p == null ? "en" : nonNull(p.locale()));
    }

    static SourceForm read(Context ctx) {
        return new SourceForm(value(ctx, "id"), value(ctx, "name"), value(ctx, "type"), value(ctx, "url"),
                value(ctx, "interval"), value(ctx, "cron"), ctx.formParams("topics"), "on".equals(ctx.formParam("enabled")),
                value(ctx, "page.item-kind"), value(ctx, "page.item"), value(ctx, "page.title"), value(ctx, "page.link"),
                value(ctx, "page.date"), value(ctx, "page.summary"), value(ctx, "page.start"), value(ctx, "page.end"),
                value(ctx, "page.location"), value(ctx, "page.date-formats"), value(ctx, "page.time-zone"),
                value(ctx, "page.locale"));
    }

    /** The same form with another id (an edit keeps the source's id, whatever the form says). */
    SourceForm withId(String newId) {
        return new SourceForm(newId, name, type, url, interval, cron, topics, enabled, itemKind, item, title, link, date,
                summary, start, end, location, dateFormats, timeZone, locale);
    }

    public boolean follows(String topic) {
        return topics.contains(topic);
    }

    /** Whether the type chosen is a page (its selectors apply). */
    public boolean isPage() {
        return SourceType.PAGE.name().equals(type);
    }

    /**
     * The definition the form describes; a value that cannot even be read (an interval, a type) is added to
     * {@code errors} under its key and left out, for the catalog's defaults or checks.
     */
    SourceConfig draft(Map<String, List<String>> errors) {
        SourceType sourceType = null;
        if (!type.isEmpty()) {
            try {
                sourceType = SourceType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                add(errors, "type", "unknown type '" + type + "': feed, page or calendar");
            }
        }
        Duration every = null;
        if (!interval.isEmpty()) {
            try {
                every = Durations.parse(interval);
            } catch (IllegalArgumentException e) {
                add(errors, "interval", e.getMessage());
            }
        }
        PageSelectors page = sourceType == SourceType.PAGE ? selectors(errors) : null;
        return new SourceConfig(id, name, sourceType, url, every, cron, List.copyOf(topics), enabled, page);
    }

    /** The page selectors of the form (for a page source, and for a test of them). */
    PageSelectors selectors(Map<String, List<String>> errors) {
        ItemKind kind = ItemKind.ARTICLE;
        try {
            kind = ItemKind.valueOf(itemKind.isEmpty() ? "ARTICLE" : itemKind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(errors, "page.item-kind", "unknown item kind '" + itemKind + "': article or event");
        }
        List<String> formats = new ArrayList<>();
        for (String line : dateFormats.split("\\R")) {
            if (!line.isBlank()) {
                formats.add(line.strip());
            }
        }
        return new PageSelectors(kind, item, title, link, date, summary, start, end, location, formats, timeZone,
                locale);
    }

    static void add(Map<String, List<String>> errors, String key, String what) {
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(what);
    }

    private static String value(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v.strip();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
