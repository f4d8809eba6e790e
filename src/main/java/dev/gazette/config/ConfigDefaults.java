package dev.gazette.config;

import dev.gazette.item.ItemKind;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

/**
 * Every default setting, in one place. With no configuration file Gazette runs on exactly these:
 * an embedded H2 database under {@code ./data}, a web server on 127.0.0.1:8080, and the bundled
 * sample sources and topics, so that a new user sees collected articles and events at once.
 * {@code docs/gazette.example.yml} spells the same values out with comments; a test keeps the two
 * equal.
 */
public final class ConfigDefaults {
    private ConfigDefaults() {}

    public static GazetteConfig config() {
        return new GazetteConfig(
                Path.of("data"),
                new DatabaseConfig("", "", "", 5),
                new ServerConfig("127.0.0.1", 8080, ""),
                new FetchConfig(
                        "Gazette/0.1 (+https://github.com/gazette-digest/gazette)",
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30),
                        ByteSize.parse("5MB"),
                        5,
                        Duration.ofMinutes(5),
                        Duration.ofHours(6),
                        8,
                        2,
                        Duration.ofDays(1)),
                new CollectConfig(Duration.ofHours(1), true, new CalendarLimits(Duration.ofDays(180), 100)),
                sampleTopics(),
                sampleSources(),
                new SubscribersConfig(Path.of("subscribers"), true, "UTC", "en", DayOfWeek.MONDAY, 8, Duration.ofHours(48)),
                new DigestConfig(Path.of("templates"), Duration.ofDays(60), 5, 10, false, Duration.ofHours(12),
                        Duration.ofDays(2), Duration.ofMinutes(1), false),
                new MailConfig("", 587, MailSecurity.STARTTLS, "", "", Duration.ofSeconds(10), Duration.ofSeconds(30), 2,
                        new OutboxConfig(3025, 3143)),
                new DeliveryConfig("Gazette <gazette@localhost>", "", "", 10.0, 5, Duration.ofSeconds(2),
                        Duration.ofMinutes(1)),
                new SecurityConfig(""),
                new AdminConfig(Duration.ofHours(8), true),
                new AlertsConfig(10, 200, Duration.ofMinutes(15), Duration.ofDays(30), 10));
    }

    static List<TopicConfig> sampleTopics() {
        return List.of(
                new TopicConfig("oncology", "Oncology",
                        List.of("cancer", "oncology", "tumor", "tumour", "lymphoma", "leukemia", "carcinoma",
                                "chemotherapy", "항암", "종양"),
                        List.of()),
                new TopicConfig("cardiology", "Cardiology",
                        List.of("cardiology", "cardiovascular", "cardiac", "heart", "coronary", "hypertension",
                                "심장", "심혈관"),
                        List.of()),
                new TopicConfig("infectious-disease", "Infectious disease",
                        List.of("infectious", "infection", "HIV", "TB", "tuberculosis", "measles", "malaria",
                                "vaccine", "감염", "백신"),
                        List.of()),
                new TopicConfig("health-policy", "Health policy",
                        List.of("policy", "regulation", "reform", "advocacy", "reimbursement", "Capitol Hill",
                                "정책", "규제"),
                        List.of()),
                new TopicConfig("digital-health", "Digital health",
                        List.of("digital health", "hospital IT", "HIMSS", "telehealth", "디지털 헬스"),
                        List.of()),
                new TopicConfig("korea-biotech", "Korean biotech",
                        List.of("South Korea", "Korean", "바이오", "한국"),
                        List.of("Korean War")));
    }

    static List<SourceConfig> sampleSources() {
        return List.of(
                new SourceConfig("sample-news", "Sample news page: LATEST", SourceType.PAGE,
                        "classpath:samples/biotech-news.html", Duration.ofMinutes(30), "", List.of(), true,
                        new PageSelectors(ItemKind.ARTICLE, "section.latest li.post-item", "h3.post-title",
                                "h3.post-title a", "time.post-date", "p.post-teaser", "", "", "", List.of(), "",
                                "en")),
                new SourceConfig("sample-news-events", "Sample news page: EVENT", SourceType.PAGE,
                        "classpath:samples/biotech-news.html", Duration.ofMinutes(30), "", List.of(), true,
                        new PageSelectors(ItemKind.EVENT, "section.events li.event-item", "h3.event-name",
                                "h3.event-name a", "", "", "time.event-date", "", "p.event-venue", List.of(), "",
                                "en")),
                new SourceConfig("sample-wire", "Sample wire (RSS)", SourceType.FEED,
                        "classpath:samples/biotech-feed.xml", Duration.ofMinutes(15), "", List.of(), true, null),
                new SourceConfig("sample-events", "Sample events calendar (iCalendar)", SourceType.CALENDAR,
                        "classpath:samples/biotech-events.ics", Duration.ofHours(1), "", List.of(), true, null));
    }

    /** The defaults of one entry of {@code sources}; the interval, when left out, is {@code collect.default-interval}. */
    static SourceConfig sourceTemplate() {
        return new SourceConfig("", "", null, "", null, "", List.of(), true, null);
    }

    /** The defaults of a source's {@code page} selectors. */
    static PageSelectors pageTemplate() {
        return new PageSelectors(ItemKind.ARTICLE, "", "", "", "", "", "", "", "", List.of(), "", "en");
    }

    /** The defaults of one entry of {@code topics}. */
    static TopicConfig topicTemplate() {
        return new TopicConfig("", "", List.of(), List.of());
    }
}
