package dev.gazette.web.api;

import dev.gazette.config.Durations;
import dev.gazette.config.PageSelectors;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.item.ItemKind;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's definition in a request body: the fields of {@link SourceConfig} and {@link PageSelectors} by their
 * names ({@code id, name, type, url, interval, cron, topics, enabled, page: {itemKind, item, title, link, date,
 * summary, start, end, location, dateFormats, timeZone, locale}}), as the API writes them back, so what a GET gives
 * can be sent back changed. The interval is written as in the configuration file ({@code 30m}) or ISO-8601
 * ({@code PT30M}). Whether the definition makes sense is the catalog's check.
 */
final class SourceBodies {
    private static final Pattern KEBAB = Pattern.compile("-([a-z])");

    private SourceBodies() {}

    /** The definition in the body; {@code id} is the path's for an update (the body may repeat it). */
    static SourceConfig source(JsonBody body, String pathId) {
        String id = pathId == null ? body.requiredString("id") : body.string("id");
        if (pathId != null && id != null && !id.equals(pathId)) {
            body.problem("id", "'" + id + "' differs from the address's '" + pathId
                    + "': a source's id cannot change (its items refer to it)");
        }
        String name = body.string("name");
        SourceType type = body.choice("type", SourceType.class);
        if (type == null && !body.has("type")) {
            body.problem("type", "is required: feed, page or calendar");
        }
        String url = body.requiredString("url");
        Duration interval = interval(body);
        String cron = body.string("cron");
        List<String> topics = body.strings("topics");
        Boolean enabled = body.bool("enabled");
        JsonBody page = body.object("page");
        PageSelectors selectors = page == null ? null : selectors(page);
        body.finish();
        return new SourceConfig(pathId == null ? id : pathId, name, type, url, interval, cron,
                topics == null ? List.of() : topics, enabled == null || enabled, selectors);
    }

    /** A page's selectors (for a page source, or a selector test). */
    static PageSelectors selectors(JsonBody page) {
        return new PageSelectors(page.choice("itemKind", ItemKind.class), page.string("item"), page.string("title"),
                page.string("link"), page.string("date"), page.string("summary"), page.string("start"),
                page.string("end"), page.string("location"), orEmpty(page.strings("dateFormats")),
                page.string("timeZone"), page.string("locale"));
    }

    private static Duration interval(JsonBody body) {
        String text = body.string("interval");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            body.problem("interval", e.getMessage());
            return null;
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** A key of the configuration file ("page.time-zone") as the API's field ("page.timeZone"). */
    static String apiField(String configKey) {
        Matcher m = KEBAB.matcher(configKey);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        m.appendTail(out);
        return out.toString();
    }
}
