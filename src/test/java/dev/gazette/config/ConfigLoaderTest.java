package dev.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.item.ItemKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Loading: defaults, merging, environment overrides, and errors that name the file, line and key. */
class ConfigLoaderTest extends ConfigFileTest {
    // --- defaults and merging -------------------------------------------------------------------

    @Test
    void withoutFileTheDefaultsApply() {
        GazetteConfig config = new ConfigLoader(Map.of()).load();

        assertThat(config).isEqualTo(ConfigDefaults.config());
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.jdbcUrl())
                .isEqualTo("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("gazette") + ";DB_CLOSE_ON_EXIT=FALSE");
        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 8080, ""));
        assertThat(config.sources()).hasSize(4);
        assertThat(config.topics()).hasSize(6);
    }

    @Test
    void partialFileKeepsEveryOtherDefault() {
        GazetteConfig config = load("""
                server:
                  host: 0.0.0.0
                fetch:
                  read-timeout: 1m
                  max-bytes: 512KB
                collect:
                  calendar:
                    horizon: 30d
                """);

        GazetteConfig defaults = ConfigDefaults.config();
        assertThat(config.server()).isEqualTo(new ServerConfig("0.0.0.0", 8080, ""));
        assertThat(config.fetch().readTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.fetch().maxBytes()).isEqualTo(new ByteSize(512 * 1024));
        assertThat(config.fetch().connectTimeout()).isEqualTo(defaults.fetch().connectTimeout());
        assertThat(config.collect().calendar()).isEqualTo(new CalendarLimits(Duration.ofDays(30), 100));
        assertThat(config.collect().onStart()).isTrue();
        assertThat(config.database()).isEqualTo(defaults.database());
        assertThat(config.sources()).isEqualTo(defaults.sources());
        assertThat(config.topics()).isEqualTo(defaults.topics());
    }

    @Test
    void emptyFileOrOnlyCommentsMeansDefaults() {
        assertThat(load("")).isEqualTo(ConfigDefaults.config());
        assertThat(load("# nothing changed yet\n#server:\n#  port: 9090\n")).isEqualTo(ConfigDefaults.config());
    }

    @Test
    void emptyKeyKeepsItsDefault() {
        GazetteConfig config = load("""
                server:
                  port:
                database:
                """);

        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.database()).isEqualTo(ConfigDefaults.config().database());
    }

    @Test
    void listGivenReplacesTheDefaultList() {
        GazetteConfig config = load("""
                topics:
                  - slug: nephrology
                    name: Nephrology
                    include: [kidney, renal]
                """ + MY_SOURCE);

        assertThat(config.topics()).containsExactly(
                new TopicConfig("nephrology", "Nephrology", List.of("kidney", "renal"), List.of()));
        assertThat(config.sources()).extracting(SourceConfig::id).containsExactly("my-id");
    }

    @Test
    void userListedSourceGetsTheElementDefaults() {
        GazetteConfig config = load(MY_SOURCE + """
                  - id: my-page
                    type: page
                    url: https://example.org/news
                    page:
                      item: li.news
                      title: h3
                """);

        SourceConfig feed = config.sources().get(0);
        assertThat(feed.enabled()).isTrue();
        assertThat(feed.cron()).isEmpty();
        assertThat(feed.topics()).isEmpty();
        assertThat(feed.page()).isNull();
        PageSelectors page = config.sources().get(1).page();
        assertThat(page.itemKind()).isEqualTo(ItemKind.ARTICLE);
        assertThat(page.item()).isEqualTo("li.news");
        assertThat(page.link()).isEmpty();
        assertThat(page.dateFormats()).isEmpty();
        assertThat(page.timeZone()).isEmpty();
        assertThat(page.locale()).isEqualTo("en");
    }

    @Test
    void sourceWithoutIntervalGetsCollectDefaultIntervalAndWithoutNameItsId() {
        GazetteConfig config = load("""
                collect:
                  default-interval: 2h
                """ + MY_SOURCE + """
                  - id: other
                    name: Other feed
                    type: feed
                    url: https://example.org/other.xml
                    interval: 10m
                """);

        assertThat(config.sources().get(0).interval()).isEqualTo(Duration.ofHours(2));
        assertThat(config.sources().get(0).name()).isEqualTo("my-id");
        assertThat(config.sources().get(1).interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.sources().get(1).name()).isEqualTo("Other feed");
    }

    @Test
    void enumsAndDurationsAcceptTheWrittenForms() {
        GazetteConfig config = load("""
                fetch:
                  connect-timeout: 1500ms
                  backoff-max: PT2H
                sources:
                  - id: my-id
                    type: CALENDAR
                    url: file:/srv/events.ics
                    interval: 90s
                """);

        assertThat(config.fetch().connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.fetch().backoffMax()).isEqualTo(Duration.ofHours(2));
        assertThat(config.sources().get(0).type()).isEqualTo(SourceType.CALENDAR);
        assertThat(config.sources().get(0).interval()).isEqualTo(Duration.ofSeconds(90));
    }

    // --- errors in the file ---------------------------------------------------------------------

    @Test
    void unknownTopLevelKeyNamesFileLineKeyAndKnownKeys() {
        assertError("""
                server:
                  port: 8080
                colect:
                  on-start: false
                """).hasMessage(file + ": line 3, column 1: unknown key 'colect' (known keys here:"
                        + " admin, alerts, collect, data-dir, database, delivery, digest, fetch, mail, security, server, sources,"
                        + " subscribers, topics)");
    }

    @Test
    void unknownNestedKeyNamesItsDottedPathAndLine() {
        assertError("""
                database:
                  urll: jdbc:h2:mem:x
                """).hasMessage(file + ": line 2, column 3: unknown key 'database.urll'"
                        + " (known keys here: password, pool-size, url, user)");
    }

    @Test
    void unknownKeyInsideListElementNamesItsIndexAndLine() {
        assertError(MY_SOURCE + """
                  - id: other
                    type: feed
                    url: https://example.org/other.xml
                    intervall: 5m
                """).hasMessageStartingWith(file + ": line 8, column 5: unknown key 'sources[1].intervall'")
                .hasMessageContaining("cron, enabled, id, interval, name, page, topics, type, url");
    }

    @Test
    void wrongTypeNamesKeyAndLine() {
        assertError("""
                server:
                  host: 0.0.0.0
                  port: abc
                """).hasMessage(file + ": line 3, column 3: key 'server.port': 'abc' is not a whole number");
        assertError("""
                server:
                  port: 8080.5
                """).hasMessageContaining("line 2").hasMessageContaining("'server.port': '8080.5' is not a whole number");
        assertError("""
                collect:
                  on-start: maybe
                """).hasMessageContaining("line 2").hasMessageContaining("'collect.on-start': 'maybe' is not true or false");
    }

    @Test
    void wrongShapeSaysWhatWasExpected() {
        assertError("server: 8080\n").hasMessage(file + ": line 1, column 1: key 'server': expected a section of keys and values");
        assertError("sources: sample-wire\n").hasMessage(file + ": line 1, column 1: key 'sources': expected a list");
        assertError("data-dir: [a, b]\n").hasMessageContaining("key 'data-dir': expected a single value");
        assertError("- server\n- fetch\n").hasMessage(file + ": expected keys and values at the top level");
    }

    @Test
    void badDurationNamesKeyAndShowsExamples() {
        assertError("""
                fetch:
                  connect-timeout: 10 sec
                """).hasMessage(file + ": line 2, column 3: key 'fetch.connect-timeout':"
                        + " '10 sec' is not a duration (examples: 90s, 15m, 6h, 180d)");
    }

    @Test
    void badSizeNamesKeyAndShowsExamples() {
        assertError("""
                fetch:
                  max-bytes: 5 parsecs
                """).hasMessageContaining("line 2")
                .hasMessageContaining("key 'fetch.max-bytes': '5 parsecs' is not a size (examples: 5MB, 512KB, 1048576)");
    }

    @Test
    void badEnumListsTheAllowedValues() {
        assertError("""
                sources:
                  - id: my-id
                    type: rss
                    url: https://example.org/feed.xml
                """).hasMessage(file + ": line 3, column 5: key 'sources[0].type': 'rss' is not one of [feed, page, calendar]");
        assertError("""
                sources:
                  - id: my-id
                    type: page
                    url: https://example.org/news
                    page:
                      item-kind: news
                """).hasMessageContaining("line 6")
                .hasMessageContaining("key 'sources[0].page.item-kind': 'news' is not one of [article, event]");
    }

    @Test
    void invalidYamlNamesTheLineOfTheProblem() {
        assertError("""
                server:
                  port: 8080
                   host: 0.0.0.0
                """).hasMessage(file + ": line 3, column 8: not valid YAML: mapping values are not allowed here");
        assertError("server:\n\tport: 8080\n")
                .hasMessageStartingWith(file + ": line 2, column 1: not valid YAML: found character '\\t(TAB)'");
        assertError("""
                topics:
                  - slug: a
                    include: [x, y
                """).hasMessageStartingWith(file + ": line 4, column 1: not valid YAML: expected ',' or ']'")
                .hasMessageContaining("from line 3");
    }

    @Test
    void keyGivenTwiceIsAnError() {
        assertError("""
                server:
                  port: 8081
                server:
                  port: 8082
                """).hasMessageContaining("line 3").hasMessageContaining("Duplicate field 'server'");
    }

    @Test
    void missingFileSaysSo() {
        Path missing = dir.resolve("nope.yml");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": no such configuration file");
    }

    // --- environment ----------------------------------------------------------------------------

    @Test
    void environmentWinsOverTheFile() {
        Path yaml = write("""
                database:
                  url: jdbc:h2:mem:from-file
                  password: from-file
                server:
                  port: 9000
                """);
        Map<String, String> env = Map.of(
                "GAZETTE_DATABASE_URL", "jdbc:postgresql://db.example.org/gazette",
                "GAZETTE_DATABASE_PASSWORD", "s3cret",
                "GAZETTE_SERVER_PORT", "9999");

        GazetteConfig config = new ConfigLoader(env).load(yaml);

        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.example.org/gazette");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org/gazette");
        assertThat(config.database().embedded()).isFalse();
        assertThat(config.database().password()).isEqualTo("s3cret");
        assertThat(config.server().port()).isEqualTo(9999);
    }

    @Test
    void environmentAppliesWithoutFile() {
        GazetteConfig config = new ConfigLoader(Map.of(
                "GAZETTE_DATA_DIR", "/var/lib/gazette",
                "GAZETTE_SERVER_HOST", "0.0.0.0",
                "GAZETTE_DATABASE_USER", "gazette")).load();

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/gazette"));
        assertThat(config.server()).isEqualTo(new ServerConfig("0.0.0.0", 8080, ""));
        assertThat(config.database().user()).isEqualTo("gazette");
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        Path yaml = write("server:\n  host: 0.0.0.0\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of("GAZETTE_SERVER_PORT", "abc")).load(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable GAZETTE_SERVER_PORT: key 'server.port': 'abc' is not a whole number");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("GAZETTE_SERVER_PORT", "abc")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment");
    }

    @Test
    void environmentValueThatFailsValidationNamesTheVariable() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("GAZETTE_DATABASE_URL", "mysql://db/gazette")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'database.url' (from environment variable GAZETTE_DATABASE_URL)"
                        + " 'mysql://db/gazette' is not a jdbc:h2: or jdbc:postgresql: URL");
    }

    @Test
    void passwordIsNeverShown() {
        GazetteConfig config = new ConfigLoader(Map.of("GAZETTE_DATABASE_PASSWORD", "s3cret")).load();

        assertThat(config.database().password()).isEqualTo("s3cret");
        assertThat(config.database().toString()).doesNotContain("s3cret").contains("password=***");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    // --- validation -----------------------------------------------------------------------------
}
