package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderWorld.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.reader.ReaderWorld.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The alerts page of the preference centre over real HTTP: adding, testing, changing, pausing, resuming and deleting
 * alerts through its forms; CSRF, ownership of alert ids, invalid queries with their place marked (in English and
 * Korean), the per-subscriber limit, and feed markup that stays text around the marked words.
 */
class AlertPagesTest {
    /** Two recent items about CRISPR, one of them with markup and a javascript: link in its title. */
    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><description>d</description>
            <item><title>Gene editing with CRISPR cures sickle cell in trial</title><link>https://wire.example.org/crispr</link>
              <guid>crispr</guid><pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate>
              <description>A base editing therapy was tested in adults.</description></item>
            <item><title>&amp;lt;b&amp;gt;crispr &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&amp;lt;/b&amp;gt; in mouse models</title>
              <link>javascript:alert(3)</link><guid>xss</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
              <description>mouse study</description></item>
            <item><title>Tumour vaccine trial shrinks pancreatic cancer</title><link>https://wire.example.org/tumour</link>
              <guid>tumour</guid><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
              <description>A Phase 2 study of a personalised vaccine.</description></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;

    private ReaderWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private void open(DatabaseKind kind) throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, FEED);
        world = new ReaderWorld(dir, kind, """
                sources: [{id: wire, name: The Wire, type: feed, url: "%s"}]
                alerts: {max-per-subscriber: 2}
                """.formatted(feed.toUri()));
        assertThat(world.gazette.collectNow().hasFailures()).isFalse();
    }

    private String alertsPath(Subscriber subscriber) {
        return world.path(TokenPurpose.PREFERENCES, subscriber) + "/alerts";
    }

    private List<Alert> alertsOf(Subscriber subscriber) {
        return world.gazette.alerts().of(subscriber.id());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aReaderAddsChangesPausesResumesAndDeletesAnAlertThroughTheForms(DatabaseKind kind) throws Exception {
        open(kind);
        Subscriber reader = world.active("ada@example.org", "Ada", Frequency.WEEKLY, "UTC", "en");
        Page preferences = world.get(world.path(TokenPurpose.PREFERENCES, reader));
        Element link = preferences.document().selectFirst("#alerts-link");
        assertThat(link.text()).isEqualTo("Your alerts (0)");

        Page page = world.get(link.attr("href"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.document().selectFirst("#no-alerts")).isNotNull();
        assertThat(page.document().selectFirst("#query").attr("maxlength")).isEqualTo("200");
        assertThat(page.document().select("#syntax-topics code").eachText()).contains("oncology");
        assertThat(page.document().select("#syntax-sources code").eachText()).contains("wire");

        Page added = world.follow(world.submit(page, "#alert-form",
                form("query", "\"gene editing\" OR crispr", "frequency", "instant", "action", "save")));
        assertThat(added.document().selectFirst("#done").text()).startsWith("Your alert is saved");
        Alert alert = alertsOf(reader).get(0);
        assertThat(alert.query()).isEqualTo("\"gene editing\" OR crispr");
        assertThat(alert.frequency()).isEqualTo(AlertFrequency.INSTANT);
        Element row = added.document().selectFirst("#alert-" + alert.id());
        assertThat(row.selectFirst(".alert-query").text()).isEqualTo("\"gene editing\" OR crispr");
        assertThat(row.selectFirst(".alert-frequency").text()).isEqualTo("As it happens");
        assertThat(row.selectFirst(".alert-state").text()).isEqualTo("active");
        assertThat(world.get(world.path(TokenPurpose.PREFERENCES, reader)).document().selectFirst("#alerts-link").text())
                .isEqualTo("Your alerts (1)");

        Page edit = world.get(row.selectFirst("#edit-" + alert.id()).attr("href"));
        assertThat(edit.document().selectFirst("#query").attr("value")).isEqualTo(alert.query());
        assertThat(edit.document().selectFirst("#frequency-instant").hasAttr("checked")).isTrue();
        Page changed = world.follow(world.submit(edit, "#alert-form",
                form("query", "crispr -mouse", "frequency", "weekly", "action", "save")));
        assertThat(changed.document().selectFirst("#done").text()).isEqualTo("Your alert is changed.");
        assertThat(world.gazette.alerts().find(alert.id()).orElseThrow())
                .extracting(Alert::query, Alert::frequency).containsExactly("crispr -mouse", AlertFrequency.WEEKLY);

        Page paused = world.follow(world.post(changed.document().selectFirst("#pause-" + alert.id()).parent().attr("action"),
                form("_csrf", csrfOf(changed))));
        assertThat(world.gazette.alerts().find(alert.id()).orElseThrow().paused()).isTrue();
        assertThat(paused.document().selectFirst("#alert-" + alert.id() + " .alert-state").text()).isEqualTo("paused");

        Page resumed = world.follow(world.post(paused.document().selectFirst("#resume-" + alert.id()).parent().attr("action"),
                form("_csrf", csrfOf(paused))));
        assertThat(world.gazette.alerts().find(alert.id()).orElseThrow().paused()).isFalse();
        assertThat(resumed.document().selectFirst("#done").text()).isEqualTo("The alert is active again.");

        Page deleted = world.follow(world.post(resumed.document().selectFirst("#delete-" + alert.id()).parent().attr("action"),
                form("_csrf", csrfOf(resumed))));
        assertThat(alertsOf(reader)).isEmpty();
        assertThat(deleted.document().selectFirst("#done").text()).isEqualTo("The alert is deleted.");
    }

    private static String csrfOf(Page page) {
        return page.document().selectFirst("input[name=_csrf]").attr("value");
    }

    @Test
    void withoutTheCsrfFieldNothingChanges() throws Exception {
        open(DatabaseKind.H2);
        Subscriber reader = world.active("ada@example.org", "Ada", Frequency.WEEKLY, "UTC", "en");
        Alert alert = world.gazette.alerts().create(reader, "crispr", AlertFrequency.DAILY);
        world.get(alertsPath(reader)); // the browser holds the cookie, but the forms below lack the field

        assertThat(world.post(alertsPath(reader), form("query", "vaccine", "frequency", "daily", "action", "save")).status())
                .isEqualTo(403);
        assertThat(world.post(alertsPath(reader) + "/" + alert.id(), form("query", "vaccine", "action", "save")).status())
                .isEqualTo(403);
        assertThat(world.post(alertsPath(reader) + "/" + alert.id() + "/pause", form()).status()).isEqualTo(403);
        assertThat(world.post(alertsPath(reader) + "/" + alert.id() + "/delete", form("_csrf", "forged")).status())
                .isEqualTo(403);
        assertThat(alertsOf(reader)).containsExactly(alert);
    }

    @Test
    void anotherSubscribersAlertIsNotFoundAndUnchanged() throws Exception {
        open(DatabaseKind.H2);
        Subscriber reader = world.active("ada@example.org", "Ada", Frequency.WEEKLY, "UTC", "en");
        Subscriber other = world.active("bo@example.org", "Bo", Frequency.WEEKLY, "UTC", "en");
        Alert theirs = world.gazette.alerts().create(other, "crispr", AlertFrequency.DAILY);
        String mine = alertsPath(reader);
        Page page = world.get(mine);
        String csrf = csrfOf(page);

        assertThat(world.get(mine + "/" + theirs.id() + "/edit").status()).isEqualTo(404);
        assertThat(world.get(mine + "/not-a-number/edit").status()).isEqualTo(404);
        Page change = world.post(mine + "/" + theirs.id(), form("_csrf", csrf, "query", "vaccine", "frequency", "weekly",
                "action", "save"));
        assertThat(change.status()).isEqualTo(404);
        assertThat(change.document().selectFirst("#missing")).isNotNull();
        for (String action : List.of("pause", "resume", "delete")) {
            assertThat(world.post(mine + "/" + theirs.id() + "/" + action, form("_csrf", csrf)).status()).as(action)
                    .isEqualTo(404);
        }
        assertThat(alertsOf(other)).containsExactly(theirs);
        assertThat(alertsOf(reader)).isEmpty();
    }

    @Test
    void anInvalidQueryIsShownAgainWithItsPlaceMarkedInEnglishAndKorean() throws Exception {
        open(DatabaseKind.H2);
        Subscriber ada = world.active("ada@example.org", "Ada", Frequency.WEEKLY, "UTC", "en");
        Page page = world.get(alertsPath(ada));
        Page invalid = world.submit(page, "#alert-form", form("query", "crispr \"gene editing", "action", "save"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.document().selectFirst("#query-problem-text").text())
                .isEqualTo("Column 8: the quote opened here is never closed.");
        assertThat(invalid.document().selectFirst("#query-place-mark").text()).isEqualTo("\"");
        assertThat(invalid.document().selectFirst("#query-place").text()).isEqualTo("crispr \"gene editing");
        assertThat(invalid.document().selectFirst("#query").attr("value")).isEqualTo("crispr \"gene editing");
        assertThat(alertsOf(ada)).isEmpty();

        // Testing an invalid query says the same, and saves nothing either.
        Page tested = world.submit(page, "#alert-form", form("query", "crispr)", "action", "test"));
        assertThat(tested.status()).isEqualTo(400);
        assertThat(tested.document().selectFirst("#query-problem-text").text()).startsWith("Column 7: ");
        assertThat(tested.document().selectFirst("#test-results")).isNull();

        Page tooLong = world.submit(page, "#alert-form", form("query", "a".repeat(201), "action", "save"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.document().selectFirst("#query-problem-text").text()).contains("limit of 200 characters");
        assertThat(alertsOf(ada)).isEmpty();

        Subscriber min = world.active("min@example.org", "Min", Frequency.WEEKLY, "Asia/Seoul", "ko");
        Page korean = world.submit(world.get(alertsPath(min)), "#alert-form",
                form("query", "유전자 \"편집", "action", "save"));
        assertThat(korean.status()).isEqualTo(400);
        assertThat(korean.document().selectFirst("#query-problem-text").text())
                .isEqualTo("5번째 글자: 여기서 연 따옴표가 닫히지 않았습니다.");
        assertThat(korean.document().selectFirst("#query-place-mark").text()).isEqualTo("\"");
    }

    @Test
    void theLimitOfAlertsPerSubscriberIsNamedAndNothingIsStored() throws Exception {
        open(DatabaseKind.H2);
        Subscriber reader = world.active("ada@example.org", "Ada", Frequency.WEEKLY, "UTC", "en");
        world.gazette.alerts().create(reader, "crispr", AlertFrequency.DAILY);
        world.gazette.alerts().create(reader, "vaccine", AlertFrequency.DAILY);
        Page refused = world.submit(world.get(alertsPath(reader)), "#alert-form",
                form("query", "lymphoma", "action", "save"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().selectFirst("#limit").text()).startsWith("You have 2 alerts, the most one reader can have.");
        assertThat(refused.document().selectFirst("#query").attr("value")).isEqualTo("lymphoma");
        assertThat(alertsOf(reader)).extracting(Alert::query).containsExactly("crispr", "vaccine");
    }

    @Test
    void testingAQueryShowsRecentMatchesWithTheWordsMarkedAndStoresNothing() throws Exception {
        open(DatabaseKind.H2);
        Subscriber reader = world.active("ada@example.org", "Ada", Frequency.WEEKLY, "UTC", "en");
        Page page = world.get(alertsPath(reader));
        Page tested = world.submit(page, "#alert-form",
                form("query", "\"gene editing\" OR crispr -mouse", "frequency", "weekly", "action", "test"));

        assertThat(tested.status()).isEqualTo(200);
        assertThat(tested.document().selectFirst("#test-count").text())
                .isEqualTo("1 item from the last 30 days matched. Nothing is saved yet.");
        assertThat(tested.document().selectFirst("#test-scanned").text()).matches("\\d+ items from the last 30 days were searched\\.");
        Element hit = tested.document().selectFirst(".hit");
        assertThat(hit.selectFirst("a.hit-title").attr("href")).isEqualTo("https://wire.example.org/crispr");
        assertThat(hit.select("a.hit-title mark").eachText()).containsExactly("Gene editing", "CRISPR");
        assertThat(hit.selectFirst(".hit-source").text()).isEqualTo("The Wire");
        assertThat(tested.document().selectFirst("#query").attr("value")).isEqualTo("\"gene editing\" OR crispr -mouse");
        assertThat(tested.document().selectFirst("#frequency-weekly").hasAttr("checked")).isTrue();
        assertThat(alertsOf(reader)).isEmpty();

        Page nothing = world.submit(page, "#alert-form", form("query", "zebrafish", "action", "test"));
        assertThat(nothing.document().selectFirst("#test-count").text())
                .isEqualTo("Nothing from the last 30 days matched this query. Try fewer or other words.");
        assertThat(nothing.document().select(".hit")).isEmpty();
    }

    @Test
    void markupInAFeedTitleStaysTextInsideAndOutsideTheMarks() throws Exception {
        open(DatabaseKind.H2);
        Subscriber reader = world.active("ada@example.org", "Ada", Frequency.WEEKLY, "UTC", "en");
        Page tested = world.submit(world.get(alertsPath(reader)), "#alert-form",
                form("query", "\"crispr script\"", "action", "test"));

        assertThat(tested.status()).isEqualTo(200);
        Element hit = tested.document().selectFirst(".hit");
        Element title = hit.selectFirst(".hit-title");
        assertThat(title.tagName()).as("a javascript: link is no link").isEqualTo("strong");
        assertThat(title.text()).isEqualTo("<b>crispr <script>alert(1)</script></b> in mouse models");
        assertThat(title.select("mark").eachText()).containsExactly("crispr <script");
        assertThat(tested.document().select("main script, main b, main img")).isEmpty();
        assertThat(tested.document().select("a[href^=javascript]")).isEmpty();
        assertThat(tested.response().body()).contains("&lt;b&gt;<mark>crispr &lt;script</mark>&gt;");
    }
}
