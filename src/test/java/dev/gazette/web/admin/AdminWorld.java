package dev.gazette.web.admin;

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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A whole Gazette behind its web server on a free port, for the console's tests: a real database, a feed served
 * over HTTP (its items' titles as a test wants them), configured through a YAML file as a user configures it, on a
 * clock the test moves. An admin {@value #ADMIN} with password {@value #PASSWORD} exists.
 */
final class AdminWorld implements AutoCloseable {
    static final String ADMIN = "alice";
    static final String PASSWORD = "correct horse battery staple";
    static final String NOW = "2026-11-28T10:00:00Z";

    final FixtureServer feeds = new FixtureServer();
    final MutableClock clock;
    final Gazette gazette;
    final WebServer web;
    final int port;

    AdminWorld(Path dir, DatabaseKind kind, String extraYaml) {
        this(dir, kind, extraYaml, new MutableClock(NOW));
    }

    AdminWorld(Path dir, DatabaseKind kind, String extraYaml, MutableClock clock) {
        this.clock = clock;
        feeds.route("/feed.xml", FixtureServer.Route.ok(feed("Tumour vaccine trial shrinks cancer"), "application/rss+xml"));
        feeds.route("/broken.xml", FixtureServer.Route.status(500));
        String yaml = """
                data-dir: "%s"
                database: {url: "%s", user: %s}
                sources:
                  - {id: wire, name: "The Wire", type: feed, url: "%s"}
                  - {id: broken, name: "Broken feed", type: feed, url: "%s"}
                subscribers: {import-on-start: false}
                security: {secret: "an-admin-console-test-secret-long-enough"}
                %s
                """.formatted(dir.resolve("data"), TestDatabases.jdbcUrl(kind), kind == DatabaseKind.H2 ? "sa" : "postgres",
                feeds.uri("/feed.xml"), feeds.uri("/broken.xml"), extraYaml);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("gazette.yml");
            Files.writeString(file, yaml);
            this.gazette = Gazette.open(new ConfigLoader(Map.of()).load(file), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gazette.admin().accounts().create(ADMIN, PASSWORD);
        this.web = new WebServer(gazette, () -> Map.of("wire", Instant.parse("2026-11-28T10:30:00Z")),
                () -> Optional.of(Instant.parse("2026-11-28T10:05:00Z")));
        this.port = web.start(new ServerConfig("127.0.0.1", 0, ""));
        gazette.serving(port);
    }

    /** An RSS feed with one item of that title (XML-escaped here), in oncology by its description. */
    static String feed(String title) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><description>d</description>
                <item><title>%s</title><link>https://wire.example.org/%s</link><guid>%s</guid>
                  <pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate><description>A study in oncology.</description></item>
                </channel></rss>
                """.formatted(escaped, Integer.toHexString(title.hashCode()), Integer.toHexString(title.hashCode()));
    }

    /** Serve a feed whose one item has this title. */
    void feedTitle(String title) {
        feeds.route("/feed.xml", FixtureServer.Route.ok(feed(title), "application/rss+xml"));
    }

    /** A browser with no session. */
    Browser browser() {
        return new Browser(port);
    }

    /** A browser logged in as {@value #ADMIN}. */
    Browser admin() {
        Browser browser = browser();
        Browser.Page answer = browser.login(ADMIN, PASSWORD);
        if (answer.status() != 303) {
            throw new IllegalStateException("log-in failed: " + answer.status() + " " + answer.body());
        }
        return browser;
    }

    ImportReport importSubscribers(String csv) {
        return gazette.subscriberImporter().importReader(new java.io.StringReader(csv), "test.csv");
    }

    long subscriberId(String email) {
        return gazette.subscribers().findByEmail(email).orElseThrow().id();
    }

    @Override
    public void close() {
        web.close();
        gazette.close();
        feeds.close();
    }
}
