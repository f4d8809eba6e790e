package dev.gazette.config;

import dev.gazette.item.ItemKind;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.select.Selector;
import org.quartz.CronExpression;

/**
 * The checks of one source's definition: its id, type, address, schedule, topics and page selectors. The
 * configuration file's validation makes them for each entry of {@code sources}, and the console for each source an
 * admin adds or edits, so both accept the same definitions.
 */
public final class SourceValidation {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);
    /** The address schemes the configuration file may use. */
    public static final Set<String> FILE_SCHEMES = Set.of("http", "https", "file", "classpath");
    /** The address schemes a source added in the console may use: the web only, never the server's own files. */
    public static final Set<String> WEB_SCHEMES = Set.of("http", "https");

    private SourceValidation() {}

    /**
     * Check one source, telling {@code problem} of each problem found, as (key, what is wrong).
     *
     * @param key where the source is, prefixed to every key ("sources[2]"); empty for keys of their own ("url",
     *     "page.item")
     * @param ids the ids seen so far; the source's id is added (a second use is a problem)
     * @param topics the configured topic slugs
     * @param schemes the address schemes allowed
     */
    public static void check(String key, SourceConfig source, Set<String> ids, Set<String> topics, Set<String> schemes,
            BiConsumer<String, String> problem) {
        String id = source.id();
        if (id == null || !SLUG.matcher(id).matches()) {
            problem.accept(join(key, "id"), "'" + id + "' must be lower-case letters, digits and dashes");
        } else if (!ids.add(id)) {
            problem.accept(join(key, "id"), "'" + id + "' is used twice");
        }
        String where = key.isEmpty() || id == null || id.isBlank() ? key : key + " (" + id + ")";
        if (source.type() == null) {
            problem.accept(join(where, "type"), "is required: feed, page or calendar");
        }
        checkUrl(join(where, "url"), source.url(), schemes, problem);
        if (source.cron() != null && !source.cron().isBlank()) {
            try {
                CronExpression.validateExpression(source.cron());
            } catch (java.text.ParseException e) {
                problem.accept(join(where, "cron"), "'" + source.cron() + "' is not a Quartz cron expression: "
                        + e.getMessage());
            }
        } else if (source.interval() == null || source.interval().compareTo(SHORTEST_INTERVAL) < 0) {
            problem.accept(join(where, "interval"), "must be at least 1m, to be polite to the site");
        }
        for (String topic : source.topics()) {
            if (!topics.contains(topic)) {
                problem.accept(join(where, "topics"), "unknown topic '" + topic + "' (known: " + new TreeSet<>(topics)
                        + ")");
            }
        }
        if (source.type() == SourceType.PAGE) {
            checkPage(join(where, "page"), source.page(), problem);
        } else if (source.page() != null) {
            problem.accept(join(where, "page"), "selectors are for sources of type page only");
        }
    }

    /** Check an address: a valid URI with one of the schemes. */
    public static void checkUrl(String key, String url, Set<String> schemes, BiConsumer<String, String> problem) {
        try {
            URI uri = new URI(url == null ? "" : url);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                problem.accept(key, "'" + url + "' must start with " + describe(schemes));
            }
        } catch (java.net.URISyntaxException e) {
            problem.accept(key, "'" + url + "' is not a valid address: " + e.getReason());
        }
    }

    /** "http:, https:, file: or classpath:", in that order. */
    private static String describe(Set<String> schemes) {
        List<String> named = Stream.of("http", "https", "file", "classpath").filter(schemes::contains)
                .map(s -> s + ":").toList();
        return named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " or " + named.get(named.size() - 1);
    }

    /** Check the selectors of a page source. */
    public static void checkPage(String key, PageSelectors page, BiConsumer<String, String> problem) {
        if (page == null) {
            problem.accept(key, "a page source needs selectors (at least item and title)");
            return;
        }
        if (page.item() == null || page.item().isBlank()) {
            problem.accept(join(key, "item"), "is required");
        }
        if (page.title() == null || page.title().isBlank()) {
            problem.accept(join(key, "title"), "is required");
        }
        if (page.itemKind() == ItemKind.EVENT && (page.start() == null || page.start().isBlank())) {
            problem.accept(join(key, "start"), "is required when item-kind is event");
        }
        checkCss(join(key, "item"), page.item(), problem);
        checkCss(join(key, "title"), page.title(), problem);
        checkCss(join(key, "link"), page.link(), problem);
        checkCss(join(key, "date"), page.date(), problem);
        checkCss(join(key, "summary"), page.summary(), problem);
        checkCss(join(key, "start"), page.start(), problem);
        checkCss(join(key, "end"), page.end(), problem);
        checkCss(join(key, "location"), page.location(), problem);
        try {
            if (page.timeZone() != null && !page.timeZone().isBlank()) {
                ZoneId.of(page.timeZone());
            }
        } catch (DateTimeException e) {
            problem.accept(join(key, "time-zone"), "'" + page.timeZone() + "' is not an IANA time zone (e.g. Europe/Berlin)");
        }
    }

    /** A selector given must be CSS that jsoup reads: found when the definition is checked, not at its first fetch. */
    private static void checkCss(String key, String css, BiConsumer<String, String> problem) {
        if (css == null || css.isBlank()) {
            return;
        }
        try {
            Selector.evaluatorOf(css.strip());
        } catch (Selector.SelectorParseException e) {
            problem.accept(key, "'" + css.strip() + "' is not valid CSS: " + e.getMessage());
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
