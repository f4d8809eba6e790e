package dev.gazette.delivery;

import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.GazetteConfig;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.csv.ImportReport;
import dev.gazette.testing.FixtureServer;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A whole Gazette for end-to-end tests: a feed and a calendar served over HTTP by a real server, a real database,
 * the sample topics, subscribers imported from a CSV file, and mail handed to a real SMTP server on localhost.
 * Configured through a YAML file, the way a user configures it.
 */
final class DigestWorld implements AutoCloseable {
    /** Saturday 28 November 2026, 10:00 UTC. */
    static final String NOW = "2026-11-28T10:00:00Z";

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><description>d</description>
            <item><title>Tumour vaccine trial shrinks pancreatic cancer</title><link>https://wire.example.org/tumour</link>
              <guid>tumour</guid><pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate>
              <description>A Phase 2 study of a personalised vaccine.</description></item>
            <item><title>Heart failure drug cuts hospital stays</title><link>https://wire.example.org/heart</link>
              <guid>heart</guid><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
              <description>Fewer readmissions in a cardiology trial.</description></item>
            <item><title>한국 바이오 기업, 신약 임상 3상 돌입</title><link>https://wire.example.org/korea</link>
              <guid>korea</guid><pubDate>Wed, 25 Nov 2026 01:00:00 GMT</pubDate>
              <description>국내 바이오산업 소식.</description></item>
            <item><title>Hospital IT budgets grow again</title><link>https://wire.example.org/it</link>
              <guid>it</guid><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate>
              <description>Digital health spending.</description></item>
            <item><title>&lt;script&gt;alert(1)&lt;/script&gt; Lymphoma &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</title>
              <link>javascript:alert(3)</link><guid>xss</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
              <description>lymphoma</description></item>
            </channel></rss>
            """;

    static final String CALENDAR = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Gazette tests//EN
            BEGIN:VEVENT
            UID:summit-2026@example.org
            DTSTAMP:20261101T000000Z
            DTSTART;TZID=Asia/Seoul:20261210T090000
            DTEND;TZID=Asia/Seoul:20261210T170000
            SUMMARY:Cardiology and oncology summit
            LOCATION:COEX\\, Seoul
            END:VEVENT
            END:VCALENDAR
            """;

    static final String SUBSCRIBERS = """
            email,name,topics,frequency,timezone,locale
            ana@example.org,Ana Ruiz,oncology;infectious-disease,weekly,America/Los_Angeles,en
            jisoo@example.org,김지수,cardiology;korea-biotech,weekly,Asia/Seoul,ko
            bo@example.org,Bo Berg,health-policy,weekly,Europe/Berlin,en
            cy@example.org,Cy Tane,oncology,weekly,Pacific/Auckland,en
            dee@example.org,Dee Daily,digital-health,daily,UTC,en
            """;

    final FixtureServer sources = new FixtureServer();
    final Path dir;
    /** Runs with real time from {@link #NOW}, so retries come due; tests move it on by hand too. */
    final MutableClock clock = MutableClock.ticking(NOW);
    final String jdbcUrl;
    final String dbUser;
    private final String mailHost;
    private final int mailPort;
    private final int connections;
    private final String extra;
    Gazette gazette;

    DigestWorld(Path dir, DatabaseKind kind, String mailHost, int mailPort, String extraYaml) {
        this(dir, kind, mailHost, mailPort, 2, extraYaml);
    }

    DigestWorld(Path dir, DatabaseKind kind, String mailHost, int mailPort, int connections, String extraYaml) {
        this.connections = connections;
        this.dir = dir;
        this.jdbcUrl = TestDatabases.jdbcUrl(kind);
        this.dbUser = kind == DatabaseKind.H2 ? "sa" : "postgres";
        this.mailHost = mailHost;
        this.mailPort = mailPort;
        this.extra = extraYaml;
        sources.route("/feed.xml", FixtureServer.Route.ok(FEED, "application/rss+xml"));
        sources.route("/events.ics", FixtureServer.Route.ok(CALENDAR, "text/calendar"));
        this.gazette = open(clock);
    }

    GazetteConfig config() {
        String yaml = """
                data-dir: "%s"
                database: {url: "%s", user: %s}
                server: {public-url: "https://news.example.org"}
                sources:
                  - {id: wire, type: feed, url: "%s"}
                  - {id: events, type: calendar, url: "%s"}
                subscribers: {import-on-start: false}
                mail: {host: "%s", port: %d, security: none, connect-timeout: 2s, timeout: 2s, connections: %d}
                delivery: {from: "Gazette News <news@example.org>", rate-limit: 1000, retry-base: 50ms, retry-max: 200ms}
                security: {secret: "an-end-to-end-test-secret-of-enough-length"}
                %s
                """.formatted(dir.resolve("data"), jdbcUrl, dbUser, sources.uri("/feed.xml"), sources.uri("/events.ics"),
                mailHost, mailPort, connections, extra);
        try {
            Path file = dir.resolve("gazette.yml");
            Files.writeString(file, yaml);
            return new ConfigLoader(Map.of()).load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open Gazette on the same database again: a restart. */
    Gazette open(Clock at) {
        return Gazette.open(config(), at);
    }

    ImportReport importSubscribers(String csv) {
        try {
            Path file = dir.resolve("subscribers.csv");
            Files.writeString(file, csv);
            return gazette.subscriberImporter().importFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long subscriberId(String email) {
        return gazette.subscribers().findByEmail(email).orElseThrow().id();
    }

    @Override
    public void close() {
        if (gazette != null) {
            gazette.close();
        }
        sources.close();
    }
}
