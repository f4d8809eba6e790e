package dev.gazette.web.browser;

import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.smtp.DemoOutbox;
import dev.gazette.delivery.smtp.OutboxMessage;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.csv.ImportReport;
import dev.gazette.testing.FixtureServer;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import dev.gazette.web.WebServer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole Gazette for the browser tests, as a user runs it: an H2 database, the bundled sample sources and topics
 * collected, one more feed ("The Wire") served over HTTP whose one item has the title a test wants (added in the
 * console's way, beside the sample sources), mail to the demo outbox (an embedded GreenMail SMTP server), the web
 * server on a free port, and an admin {@value #ADMIN} with the password {@value #PASSWORD}. Configured through a
 * YAML file. The clock starts on Saturday 28 November 2026, 10:00 UTC and ticks.
 */
final class BrowserWorld implements AutoCloseable {
    static final String ADMIN = "editor";
    static final String PASSWORD = "purple lanterns drift over quiet harbours";
    static final String NOW = "2026-11-28T10:00:00Z";
    static final String WIRE_TITLE = "Tumour vaccine trial shrinks pancreatic cancer in oncology study";

    final FixtureServer feeds = new FixtureServer();
    final MutableClock clock = MutableClock.ticking(NOW);
    final Gazette gazette;
    final DemoOutbox outbox;
    final WebServer web;
    final String base;

    /** A world whose extra feed carries {@link #WIRE_TITLE}. */
    BrowserWorld(Path dir) {
        this(dir, WIRE_TITLE);
    }

    /** A world whose extra feed's one item has this title, published on 27 November 2026. */
    BrowserWorld(Path dir, String wireTitle) {
        this(dir, wireTitle, Instant.parse("2026-11-27T08:00:00Z"));
    }

    /**
     * A world whose extra feed's one item has this title (for example, markup that must stay text), published then
     * (the dashboard lists the 20 latest items by date, and the sample calendar's events reach into 2027).
     */
    BrowserWorld(Path dir, String wireTitle, Instant published) {
        feeds.route("/wire.xml", FixtureServer.Route.ok(feed(wireTitle, published), "application/rss+xml"));
        String yaml = """
                data-dir: "%s"
                database: {url: "%s", user: sa}
                server: {host: 127.0.0.1, port: 0}
                subscribers: {import-on-start: false, time-zone: Europe/Berlin}
                mail: {outbox: {smtp-port: 0, imap-port: 0}}
                delivery: {from: "Gazette News <news@example.org>", rate-limit: 1000, retry-base: 50ms, retry-max: 200ms}
                security: {secret: "a-browser-test-secret-that-is-long-enough"}
                """.formatted(dir.resolve("data"), TestDatabases.jdbcUrl(DatabaseKind.H2));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("gazette.yml");
            Files.writeString(file, yaml);
            gazette = Gazette.open(new ConfigLoader(Map.of()).load(file), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        outbox = gazette.mail().startOutbox().orElseThrow();
        gazette.sourceCatalog().add(new SourceConfig("wire", "The Wire", SourceType.FEED, feeds.uri("/wire.xml").toString(),
                Duration.ofMinutes(30), "", List.of(), true, null), ADMIN);
        gazette.collectNow();
        gazette.admin().accounts().create(ADMIN, PASSWORD);
        web = new WebServer(gazette, this::nextRuns, () -> Optional.of(clock.instant().plus(Duration.ofMinutes(5))));
        int port = web.start(gazette.config().server());
        gazette.serving(port);
        base = "http://127.0.0.1:" + port;
    }

    /** When the scheduler would next collect each source (for the dashboard), as {@code serve} would report it. */
    private Map<String, Instant> nextRuns() {
        Instant now = clock.instant();
        return Map.of("sample-news", now.plus(Duration.ofMinutes(30)), "sample-news-events", now.plus(Duration.ofMinutes(30)),
                "sample-wire", now.plus(Duration.ofMinutes(15)), "sample-events", now.plus(Duration.ofHours(1)),
                "wire", now.plus(Duration.ofMinutes(30)));
    }

    /** An RSS feed with one item of that title (XML-escaped here), in oncology by its description. */
    static String feed(String title, Instant published) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String id = Integer.toHexString(title.hashCode());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>The Wire</title><link>https://wire.example.org/</link><description>d</description>
                <item><title>%s</title><link>https://wire.example.org/%s</link><guid>%s</guid>
                  <pubDate>%s</pubDate><description>A study in oncology.</description></item>
                </channel></rss>
                """.formatted(escaped, id, id, DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)));
    }

    /** The address of a page of this Gazette. */
    String url(String path) {
        return base + path;
    }

    ImportReport importSubscribers(String csv) {
        ImportReport report = gazette.subscriberImporter().importReader(new StringReader(csv), "browser-test.csv");
        if (!report.clean()) {
            throw new IllegalStateException(report.summary());
        }
        return report;
    }

    Subscriber subscriber(String email) {
        return gazette.subscribers().findByEmail(email).orElseThrow();
    }

    /** The latest message in the outbox to that address whose subject contains {@code subject}, if any yet. */
    Optional<OutboxMessage> message(String to, String subject) {
        List<OutboxMessage> all = outbox.messages();
        for (int i = all.size() - 1; i >= 0; i--) {
            OutboxMessage m = all.get(i);
            if (m.to().equalsIgnoreCase(to) && m.subject().contains(subject)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The first link to this Gazette in the message's HTML whose path starts with {@code path}, e.g. "/confirm/". */
    String link(OutboxMessage message, String path) {
        Matcher m = Pattern.compile(Pattern.quote(base + path) + "[A-Za-z0-9_-]+").matcher(message.html());
        if (!m.find()) {
            throw new AssertionError("no " + path + " link in the message " + message.subject());
        }
        return m.group();
    }

    @Override
    public void close() {
        web.close();
        gazette.close();
        feeds.close();
    }
}
