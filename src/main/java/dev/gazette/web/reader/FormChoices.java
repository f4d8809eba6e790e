package dev.gazette.web.reader;

import dev.gazette.config.TopicConfig;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the subscription forms offer: the configured topics, the frequencies, the IANA time zones (the region-based
 * ones, such as Europe/Berlin, plus UTC), the languages digests are written in, the days of the week and the hours,
 * labelled in the page's language.
 */
final class FormChoices {
    /** The languages of the emails (their templates' messages files), as language tags. */
    static final List<String> LANGUAGES = List.of("en", "ko");
    static final List<String> SIGN_UP_FREQUENCIES = List.of("daily", "weekly");
    static final List<String> FREQUENCIES = List.of("daily", "weekly", "paused");

    private static final Pattern REGION_ZONE =
            Pattern.compile("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/+-]+");
    /** Time zones by name, sorted: the ones people live in, without the legacy aliases (US/Pacific, Etc/GMT+5). */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || REGION_ZONE.matcher(id).matches())
            .sorted()
            .toList();

    record Choice(String value, String label) {}

    record Topic(String slug, String name) {}

    /**
     * @param frequencies the frequencies offered ({@link #SIGN_UP_FREQUENCIES} or {@link #FREQUENCIES})
     * @param zones {@link #ZONES}, with the current value added when it is another valid zone
     */
    record Choices(List<Topic> topics, List<String> frequencies, List<String> zones, List<Choice> languages,
            List<Choice> days, List<Choice> hours) {}

    private final List<Topic> topics;

    FormChoices(List<TopicConfig> topics) {
        this.topics = topics.stream().map(t -> new Topic(t.slug(), t.name())).toList();
    }

    List<Topic> topics() {
        return topics;
    }

    /** The choices of one page, labelled in its language; {@code currentZone} stays selectable. */
    Choices forPage(Locale locale, List<String> frequencies, String currentZone) {
        List<String> zones = ZONES;
        if (currentZone != null && !ZONES.contains(currentZone) && isZone(currentZone)) {
            zones = new ArrayList<>(ZONES);
            zones.add(0, currentZone);
        }
        List<Choice> languages = List.of(new Choice("en", "English"), new Choice("ko", "한국어"));
        List<Choice> days = Arrays.stream(DayOfWeek.values())
                .map(d -> new Choice(d.name().toLowerCase(Locale.ROOT), d.getDisplayName(TextStyle.FULL, locale)))
                .toList();
        List<Choice> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(new Choice(Integer.toString(h), String.format(Locale.ROOT, "%02d:00", h)));
        }
        return new Choices(topics, frequencies, zones, languages, days, hours);
    }

    /** Whether this is a time zone Java knows by this name (not an offset such as +09:00). */
    static boolean isZone(String id) {
        return id != null && ZoneId.getAvailableZoneIds().contains(id);
    }
}
