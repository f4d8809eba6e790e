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


/** Validation: ranges, formats and references between keys, each problem naming its key. */
class ConfigValidationTest extends ConfigFileTest {
    @Test
    void duplicateSourceIds() {
        assertError(MY_SOURCE + """
                  - id: my-id
                    type: calendar
                    url: https://example.org/events.ics
                """).hasMessage(file + ": key 'sources[1].id' 'my-id' is used twice");
    }

    @Test
    void unknownTopicReferencedBySource() {
        assertError(MY_SOURCE + "    topics: [oncology, nephrology]\n")
                .hasMessageStartingWith(file + ": key 'sources[0] (my-id).topics' unknown topic 'nephrology'")
                .hasMessageContaining("known: [cardiology, digital-health, health-policy");
    }

    @Test
    void badCron() {
        assertError(MY_SOURCE + "    cron: every morning\n")
                .hasMessageStartingWith(file + ": key 'sources[0] (my-id).cron' 'every morning' is not a Quartz cron expression");
    }

    @Test
    void cronReplacesTheIntervalCheck() {
        GazetteConfig config = load(MY_SOURCE + "    cron: 0 0 7 * * ?\n    interval: 1s\n");

        assertThat(config.sources().get(0).cron()).isEqualTo("0 0 7 * * ?");
    }

    @Test
    void intervalBelowOneMinute() {
        assertError(MY_SOURCE + "    interval: 30s\n")
                .hasMessage(file + ": key 'sources[0] (my-id).interval' must be at least 1m, to be polite to the site");
    }

    @Test
    void pageSourceWithoutSelectors() {
        assertError("""
                sources:
                  - id: my-id
                    type: page
                    url: https://example.org/news
                """).hasMessage(file + ": key 'sources[0] (my-id).page' a page source needs selectors (at least item and title)");
    }

    @Test
    void pageSelectorsOnOtherTypes() {
        assertError(MY_SOURCE + "    page:\n      item: li\n      title: h3\n")
                .hasMessage(file + ": key 'sources[0] (my-id).page' selectors are for sources of type page only");
    }

    @Test
    void eventPageWithoutStartSelector() {
        assertError("""
                sources:
                  - id: my-id
                    type: page
                    url: https://example.org/events
                    page:
                      item-kind: event
                      item: li.event
                      title: h3
                """).hasMessage(file + ": key 'sources[0] (my-id).page.start' is required when item-kind is event");
    }

    @Test
    void selectorThatIsNotCss() {
        assertError("""
                sources:
                  - id: my-id
                    type: page
                    url: https://example.org/news
                    page:
                      item: li.post
                      title: "h3["
                """).hasMessageStartingWith(file + ": key 'sources[0] (my-id).page.title' 'h3[' is not valid CSS: ");
    }

    @Test
    void badUrlScheme() {
        assertError("""
                sources:
                  - id: my-id
                    type: feed
                    url: ftp://example.org/feed.xml
                """).hasMessage(file + ": key 'sources[0] (my-id).url' 'ftp://example.org/feed.xml'"
                        + " must start with http:, https:, file: or classpath:");
    }

    @Test
    void badTimeZone() {
        assertError("""
                sources:
                  - id: my-id
                    type: page
                    url: https://example.org/news
                    page:
                      item: li
                      title: h3
                      time-zone: Mars/Olympus
                """).hasMessage(file + ": key 'sources[0] (my-id).page.time-zone' 'Mars/Olympus'"
                        + " is not an IANA time zone (e.g. Europe/Berlin)");
    }

    @Test
    void missingIdAndType() {
        assertError("""
                sources:
                  - url: https://example.org/feed.xml
                """).hasMessageContaining("key 'sources[0].id' '' must be lower-case letters, digits and dashes")
                .hasMessageContaining("key 'sources[0].type' is required: feed, page or calendar");
    }

    @Test
    void everyProblemIsReportedTogether() {
        assertError("""
                server:
                  port: 70000
                topics:
                  - slug: Oncology
                    name: Oncology
                sources:
                  - id: my-id
                    type: feed
                    url: ftp://example.org/feed.xml
                    cron: nope
                    topics: [cardiology]
                  - id: my-id
                    type: calendar
                    url: https://example.org/events.ics
                    interval: 10s
                """).hasMessage(file + ": "
                        + "key 'server.port' 70000 is not a TCP port (0 to 65535); "
                        + "key 'topics[0].slug' 'Oncology' must be lower-case letters, digits and dashes; "
                        + "key 'sources[0] (my-id).url' 'ftp://example.org/feed.xml' must start with http:, https:, file: or classpath:; "
                        + "key 'sources[0] (my-id).cron' 'nope' is not a Quartz cron expression: Illegal characters for this position: 'NOP'; "
                        + "key 'sources[0] (my-id).topics' unknown topic 'cardiology' (known: []); "
                        + "key 'sources[1].id' 'my-id' is used twice; "
                        + "key 'sources[1] (my-id).interval' must be at least 1m, to be polite to the site");
    }

    @Test
    void nonPositiveSettings() {
        assertError("""
                database:
                  pool-size: 0
                fetch:
                  read-timeout: 0s
                  max-redirects: -1
                  user-agent: ""
                collect:
                  calendar:
                    max-occurrences: 0
                """).hasMessage(file + ": "
                        + "key 'database.pool-size' must be at least 1; "
                        + "key 'fetch.read-timeout' must be longer than zero; "
                        + "key 'fetch.max-redirects' must not be negative; "
                        + "key 'fetch.user-agent' must be one non-empty line; "
                        + "key 'collect.calendar.max-occurrences' must be at least 1");
    }

    // --- subscribers, digests, mail, delivery, security ---------------------------------------

    @Test
    void everyBadMailAndDeliverySettingIsNamedAtOnce() {
        assertError("""
                mail:
                  port: 0
                  connections: 0
                  timeout: 0s
                delivery:
                  from: ""
                  rate-limit: 0
                  max-attempts: 0
                """).hasMessageContaining("key 'mail.port' 0 is not a TCP port (1 to 65535)")
                .hasMessageContaining("key 'mail.connections' must be at least 1")
                .hasMessageContaining("key 'mail.timeout' must be longer than zero")
                .hasMessageContaining("key 'delivery.from' is required")
                .hasMessageContaining("key 'delivery.rate-limit' must be a number of messages per second above zero")
                .hasMessageContaining("key 'delivery.max-attempts' must be at least 1");
    }

    @Test
    void unknownMailSecurityNamesTheKeyAndLine() {
        assertError("mail:\n  security: ssl\n").hasMessageContaining("line 2").hasMessageContaining("mail.security");
    }

    @Test
    void aStalenessLimitMustBeShorterThanItsPeriod() {
        assertError("digest:\n  daily-stale-after: 24h\n  weekly-stale-after: 7d\n")
                .hasMessageContaining("key 'digest.daily-stale-after' must be shorter than a day")
                .hasMessageContaining("key 'digest.weekly-stale-after' must be shorter than a week");
    }

    @Test
    void subscriberDefaultsAreChecked() {
        assertError("subscribers:\n  time-zone: Mars/Olympus\n  locale: '12'\n  send-hour: 24\n")
                .hasMessageContaining("key 'subscribers.time-zone' 'Mars/Olympus' is not an IANA time zone")
                .hasMessageContaining("key 'subscribers.locale' '12' is not a language tag")
                .hasMessageContaining("key 'subscribers.send-hour' 24 is not an hour (0 to 23)");
    }

    @Test
    void aShortSecretAndAPublicUrlThatIsNoWebAddressAreRefused() {
        assertError("security:\n  secret: too-short\nserver:\n  public-url: ftp://news.example.org\n")
                .hasMessageContaining("key 'security.secret' must be at least 32 characters")
                .hasMessageContaining("key 'server.public-url' 'ftp://news.example.org' is not an http: or https: address");
    }

    @Test
    void aLineBreakInTheFromAddressIsRefused() {
        assertError("delivery:\n  from: \"Gazette <news@example.org>\\r\\nBcc: everyone@example.org\"\n")
                .hasMessageContaining("key 'delivery.from' must be one line");
    }

    @Test
    void theSecretIsNeverPrinted() {
        GazetteConfig config = load("security:\n  secret: a-secret-that-is-long-enough-to-sign-links\nmail:\n  password: hunter2\n");

        assertThat(config.toString()).doesNotContain("a-secret-that-is-long-enough", "hunter2");
    }
}
