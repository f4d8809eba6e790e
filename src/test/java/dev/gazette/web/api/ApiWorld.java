package dev.gazette.web.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.ServerConfig;
import dev.gazette.db.DatabaseKind;
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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A whole Gazette behind its web server on a free port, for the API's tests: a real database, a feed and a page
 * served over HTTP, mail handed to GreenMail (a real SMTP server), configured through a YAML file as a user
 * configures it, on a clock that runs from {@value #NOW}. An API token named {@value #TOKEN_NAME} exists; {@link #api}
 * carries it.
 */
final class ApiWorld implements AutoCloseable {
    static final String NOW = "2026-11-28T10:00:00Z";
    static final String TOKEN_NAME = "deploy script";

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><description>d</description>
            <item><title>Tumour vaccine trial shrinks pancreatic cancer</title><link>https://wire.example.org/tumour</link>
              <guid>tumour</guid><pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate>
              <description>A Phase 2 study in oncology.</description></item>
            <item><title>Heart failure drug cuts hospital stays</title><link>https://wire.example.org/heart</link>
              <guid>heart</guid><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
              <description>Fewer readmissions in a cardiology trial.</description></item>
            </channel></rss>
            """;

    static final String PAGE = """
            <html><body><ul class="news">
              <li><h3><a href="/a">Oncology board meets</a></h3><time datetime="2026-11-20T09:00:00Z">Nov 20</time></li>
              <li><h3><a href="/b">Cardiology award announced</a></h3><time datetime="2026-11-21T09:00:00Z">Nov 21</time></li>
            </ul></body></html>
            """;

    static final String READERS = """
            email,name,topics,frequency,timezone,locale
            ana@example.org,Ana Ruiz,oncology,weekly,Europe/Berlin,en
            jisoo@example.org,김지수,cardiology,weekly,Asia/Seoul,ko
            cy@example.org,Cy Tane,oncology;cardiology,weekly,UTC,en
            """;

    final FixtureServer sites = new FixtureServer();
    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final MutableClock clock = MutableClock.ticking(NOW);
    final Gazette gazette;
    final WebServer web;
    final int port;
    final String token;
    final ApiClient api;

    ApiWorld(Path dir, DatabaseKind kind) {
        this(dir, kind, 0);
    }

    /** @param mailPort the SMTP server's port on 127.0.0.1, or 0 for this world's GreenMail */
    ApiWorld(Path dir, DatabaseKind kind, int mailPort) {
        smtp.start();
        sites.route("/feed.xml", FixtureServer.Route.ok(FEED, "application/rss+xml"));
        sites.route("/broken.xml", FixtureServer.Route.status(500));
        sites.route("/news.html", FixtureServer.Route.ok(PAGE, "text/html; charset=utf-8"));
        String yaml = """
                data-dir: "%s"
                database: {url: "%s", user: %s}
                sources:
                  - {id: wire, name: "The Wire", type: feed, url: "%s"}
                  - {id: broken, name: "Broken feed", type: feed, url: "%s"}
                subscribers: {import-on-start: false}
                mail: {host: "127.0.0.1", port: %d, security: none, connect-timeout: 2s, timeout: 2s}
                delivery: {from: "Gazette News <news@example.org>", rate-limit: 1000, retry-base: 50ms, retry-max: 200ms}
                security: {secret: "an-api-test-secret-long-enough-to-sign"}
                """.formatted(dir.resolve("data"), TestDatabases.jdbcUrl(kind), kind == DatabaseKind.H2 ? "sa" : "postgres",
                sites.uri("/feed.xml"), sites.uri("/broken.xml"), mailPort == 0 ? smtp.getSmtp().getPort() : mailPort);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("gazette.yml");
            Files.writeString(file, yaml);
            this.gazette = Gazette.open(new ConfigLoader(Map.of()).load(file), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.token = gazette.admin().apiTokens().create(TOKEN_NAME, "cli").secret();
        this.web = new WebServer(gazette, () -> Map.of("wire", Instant.parse("2026-11-28T10:30:00Z")),
                () -> Optional.of(Instant.parse("2026-11-28T10:05:00Z")));
        this.port = web.start(new ServerConfig("127.0.0.1", 0, ""));
        gazette.serving(port);
        this.api = new ApiClient(port, token);
    }

    /** Collect every source, then move on a minute (so what was collected is in the next digest's window). */
    void collect() {
        gazette.collectNow();
        clock.advance(java.time.Duration.ofMinutes(1));
    }

    ImportReport importSubscribers(String csv) {
        return gazette.subscriberImporter().importReader(new StringReader(csv), "test.csv");
    }

    long subscriberId(String email) {
        return gazette.subscribers().findByEmail(email).orElseThrow().id();
    }

    /** The base address of the fixture sites. */
    String site(String path) {
        return sites.uri(path).toString();
    }

    @Override
    public void close() {
        web.close();
        gazette.close();
        sites.close();
        smtp.stop();
    }
}
