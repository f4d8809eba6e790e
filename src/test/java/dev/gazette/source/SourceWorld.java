package dev.gazette.source;

import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.PageSelectors;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.ItemKind;
import dev.gazette.testing.FixtureServer;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Gazette configured from a YAML file with one feed source ({@code wire}), and a real HTTP server with a news
 * page that admins add as a source in the console. Reopening it on the same database is a restart.
 */
final class SourceWorld implements AutoCloseable {
    static final String PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>News</title></head><body>
            <ul class="news">
              <li class="post"><h3><a href="/a/1">Lymphoma drug approved</a></h3>
                <time datetime="2026-11-27">Nov 27</time><p class="teaser">A <b>new</b> therapy.</p></li>
              <li class="post"><h3><a href="/a/2">Heart study results</a></h3>
                <time datetime="2026-11-26">Nov 26</time><p class="teaser">Cardiology news.</p></li>
              <li class="post"><h3><a href="/a/3">Policy brief</a></h3>
                <time>sometime soon</time></li>
            </ul>
            </body></html>
            """;
    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><description>d</description>
            <item><title>Vaccine news</title><link>https://wire.example.org/v</link><guid>v</guid></item>
            </channel></rss>
            """;

    final FixtureServer server = new FixtureServer();
    final MutableClock clock = MutableClock.ticking("2026-11-28T10:00:00Z");
    final Path dir;
    final String jdbcUrl;
    final String user;
    Gazette gazette;

    SourceWorld(Path dir, DatabaseKind kind) {
        this.dir = dir;
        this.jdbcUrl = TestDatabases.jdbcUrl(kind);
        this.user = kind == DatabaseKind.H2 ? "sa" : "postgres";
        server.route("/news.html", FixtureServer.Route.ok(PAGE, "text/html; charset=utf-8"));
        server.route("/feed.xml", FixtureServer.Route.ok(FEED, "application/rss+xml"));
        gazette = open("");
    }

    /** Open Gazette on the world's database, with more sources in the file (YAML list items) if given. */
    Gazette open(String moreSources) {
        String yaml = """
                data-dir: "%s"
                database: {url: "%s", user: %s}
                collect: {on-start: false}
                subscribers: {import-on-start: false}
                security: {secret: "a-source-catalog-test-secret-of-enough-length"}
                sources:
                  - {id: wire, type: feed, url: "%s", interval: 30m}
                %s
                """.formatted(dir.resolve("data"), jdbcUrl, user, server.uri("/feed.xml"), moreSources);
        try {
            Path file = dir.resolve("gazette.yml");
            Files.writeString(file, yaml);
            return Gazette.open(new ConfigLoader(Map.of()).load(file), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Close Gazette and open it again, with more sources in the file if given. */
    Gazette restart(String moreSources) {
        gazette.close();
        gazette = open(moreSources);
        return gazette;
    }

    static PageSelectors selectors() {
        return new PageSelectors(ItemKind.ARTICLE, "li.post", "h3", "h3 a", "time", "p.teaser", "", "", "", List.of(),
                "", "en");
    }

    /** The news page as an admin would add it: an oncology page source collected every hour. */
    SourceConfig newsPage(String id) {
        return new SourceConfig(id, "News page", SourceType.PAGE, server.uri("/news.html").toString(),
                Duration.ofHours(1), "", List.of("oncology"), true, selectors());
    }

    @Override
    public void close() {
        if (gazette != null) {
            gazette.close();
        }
        server.close();
    }
}
