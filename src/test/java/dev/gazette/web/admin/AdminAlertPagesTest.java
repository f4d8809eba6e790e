package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.admin.AuditEntry;
import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import dev.gazette.subscriber.Subscriber;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyword alerts in the console, over real HTTP, read as an admin reads them. */
class AdminAlertPagesTest {
    static final String CSV = """
            email,name,topics,frequency,timezone,locale
            ann@example.org,Ann Lee,oncology,weekly,Europe/Berlin,en
            bob@example.org,Bob,oncology,daily,UTC,en
            """;

    @TempDir
    Path dir;

    private AdminWorld world;
    private Browser admin;
    private Subscriber ann;
    private Alert vaccine;

    @BeforeEach
    void open() {
        world = new AdminWorld(dir, DatabaseKind.H2, """
                alerts: {max-per-subscriber: 3}
                mail: {outbox: {smtp-port: 0, imap-port: 0}}
                delivery: {rate-limit: 1000}
                """);
        world.gazette.mail().startOutbox();
        world.importSubscribers(CSV);
        ann = world.gazette.subscribers().findByEmail("ann@example.org").orElseThrow();
        Subscriber bob = world.gazette.subscribers().findByEmail("bob@example.org").orElseThrow();
        vaccine = world.gazette.alerts().create(ann, "vaccine", AlertFrequency.DAILY);
        world.clock.advance(Duration.ofMinutes(1));
        world.gazette.alerts().create(bob, "\"heart failure\"", AlertFrequency.WEEKLY);
        world.clock.advance(Duration.ofMinutes(1));
        world.gazette.collectNow(); // "Tumour vaccine trial shrinks cancer": Ann's alert matches it
        admin = world.admin();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static List<String> column(Document doc, String css) {
        return doc.select("table.alerts tr[data-alert] " + css).eachText();
    }

    @Test
    void theAlertsPageListsEveryAlertNewestFirstWithItsSubscriberAndVolumeAndFilters() {
        Browser.Page page = admin.get("/admin/alerts");

        assertThat(page.status()).isEqualTo(200);
        Document doc = page.doc();
        assertThat(doc.select("nav.admin-nav a[aria-current]").text()).isEqualTo("Alerts");
        assertThat(column(doc, "td.query")).containsExactly("\"heart failure\"", "vaccine");
        assertThat(column(doc, "td.subscriber")).containsExactly("bob@example.org", "ann@example.org");
        assertThat(doc.select("td.subscriber a").last().attr("href")).isEqualTo("/admin/subscribers/" + ann.id());
        assertThat(column(doc, "td.frequency")).containsExactly("weekly", "daily");
        Element annRow = doc.selectFirst("tr[data-alert=" + vaccine.id() + "]");
        assertThat(annRow.select("td.state").text()).isEqualTo("active");
        assertThat(List.of(annRow.select("td.week").text(), annRow.select("td.month").text(),
                annRow.select("td.total").text(), annRow.select("td.waiting").text())).containsExactly("1", "1", "1", "1");
        assertThat(annRow.select("td.last").text()).isEqualTo("2026-11-28 10:02");
        assertThat(doc.selectFirst("tr[data-alert]:not([data-alert=" + vaccine.id() + "]) td.last").text()).isEqualTo("never");

        assertThat(column(admin.get("/admin/alerts?subscriber=ANN@example.org").doc(), "td.query")).containsExactly("vaccine");
        assertThat(column(admin.get("/admin/alerts?frequency=weekly").doc(), "td.query")).containsExactly("\"heart failure\"");
        assertThat(admin.get("/admin/alerts?state=paused").doc().select("#no-alerts").text()).isEqualTo("No alerts match.");
        Document unknown = admin.get("/admin/alerts?subscriber=nobody@example.org").doc();
        assertThat(unknown.text()).contains("No subscriber has the address nobody@example.org.");
        assertThat(unknown.select("tr[data-alert]")).isEmpty();

        Document korean = admin.get("/admin/alerts?lang=ko").doc();
        assertThat(korean.select("h1").text()).isEqualTo("키워드 알림");
        assertThat(column(korean, "td.frequency")).containsExactly("매주", "매일");
    }

    @Test
    void testingAQueryMarksTheMatchedWordsAsTextAndABadQueryShowsWhereItIsWrong() {
        // As if a parser had let markup through: the page must show it as text.
        world.gazette.items().save("wire", new ItemDraft(ItemKind.ARTICLE, "marked", "https://wire.example.org/m", null,
                "<b>Vaccine</b> news & a second vaccine", "", "<script>alert(1)</script>", List.of(),
                Instant.parse("2026-11-28T09:00:00Z"), null, null, null, false, null, null, List.of("oncology")));

        Document doc = admin.get("/admin/alerts?test=" + URLEncoder.encode("vaccine -heart", StandardCharsets.UTF_8)).doc();

        assertThat(doc.select("#test-summary").text()).isEqualTo("2 of the 2 items collected in the last 30 days match.");
        assertThat(doc.select("#test-results .title").eachText())
                .containsExactly("<b>Vaccine</b> news & a second vaccine", "Tumour vaccine trial shrinks cancer");
        assertThat(doc.select("#test-results .title").first().select("mark").eachText()).containsExactly("Vaccine", "vaccine");
        assertThat(doc.select("#test-results b, #test-results script")).as("the item's markup stays text").isEmpty();
        assertThat(doc.select("#test-query").val()).isEqualTo("vaccine -heart");

        Document bad = admin.get("/admin/alerts?test=" + URLEncoder.encode("cancer \"phase 2", StandardCharsets.UTF_8)).doc();
        assertThat(bad.select(".problem-message").text()).isEqualTo("Column 8: the quote opened here is never closed.");
        assertThat(bad.select("pre.query-caret").first().wholeText()).isEqualTo("cancer \"phase 2\n       ^");
        assertThat(bad.select("#test-results")).isEmpty();
        assertThat(world.gazette.admin().audit().list(null, "alert", 0, 10)).as("a test changes nothing").isEmpty();
    }

    @Test
    void anAlertsPageShowsItsLatestMatchesAndWhetherTheyWereMailedAndIsPausedResumedAndDeleted() throws Exception {
        Alert instant = world.gazette.alerts().create(ann, "cancer", AlertFrequency.INSTANT);
        world.clock.advance(Duration.ofMinutes(1));
        world.feedTitle("Cancer screening at fifty");
        world.gazette.collectNow();
        world.gazette.digests().sendAlerts();

        Document doc = admin.get("/admin/alerts/" + instant.id()).doc();
        assertThat(doc.select("#alert-query").text()).isEqualTo("cancer");
        assertThat(doc.select("#alert-facts a").attr("href")).isEqualTo("/admin/subscribers/" + ann.id());
        assertThat(doc.select("#matches td.item a").eachText()).containsExactly("Cancer screening at fifty");
        assertThat(doc.select("#matches td.mail").text()).matches("delivery \\d+ \\(.+\\): sent");
        assertThat(doc.select("#alert-volume").text()).startsWith("Matched 1 items in the last 7 days");
        Document waiting = admin.get("/admin/alerts/" + vaccine.id()).doc();
        assertThat(waiting.select("#matches td.item a").eachText()).containsExactly("Tumour vaccine trial shrinks cancer");
        assertThat(waiting.select("#matches td.mail").text()).isEqualTo("waiting for the next email");

        String pause = "/admin/alerts/" + vaccine.id() + "/pause";
        assertThat(admin.postRaw(pause, Map.of()).status()).as("no CSRF value").isEqualTo(403);
        assertThat(world.browser().post(pause, Map.of()).status()).as("not logged in").isEqualTo(403);
        assertThat(world.gazette.alerts().find(vaccine.id()).orElseThrow().paused()).isFalse();
        Browser.Page paused = admin.post(pause, Map.of());
        assertThat(paused.status()).isEqualTo(303);
        assertThat(world.gazette.alerts().find(vaccine.id()).orElseThrow().paused()).isTrue();
        Document after = admin.get(paused.location()).doc();
        assertThat(after.select(".notice").text()).isEqualTo("The alert is paused.");
        assertThat(after.select("#alert-facts .state").text()).isEqualTo("paused");

        String resume = "/admin/alerts/" + vaccine.id() + "/resume";
        assertThat(admin.postRaw(resume, Map.of()).status()).isEqualTo(403);
        assertThat(admin.post(resume, Map.of()).status()).isEqualTo(303);
        assertThat(world.gazette.alerts().find(vaccine.id()).orElseThrow().paused()).isFalse();

        String delete = "/admin/alerts/" + vaccine.id() + "/delete";
        assertThat(admin.postRaw(delete, Map.of()).status()).isEqualTo(403);
        assertThat(world.gazette.alerts().find(vaccine.id())).isPresent();
        assertThat(admin.post(delete, Map.of()).status()).isEqualTo(303);
        assertThat(world.gazette.alerts().find(vaccine.id())).isEmpty();
        assertThat(admin.get("/admin/alerts/" + vaccine.id()).status()).isEqualTo(404);
        assertThat(admin.post(delete, Map.of()).status()).isEqualTo(404);

        List<AuditEntry> audit = world.gazette.admin().audit().list(AdminWorld.ADMIN, "alert", 0, 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("alert.delete", "alert.resume", "alert.pause");
        assertThat(audit).extracting(AuditEntry::target).containsOnly("ann@example.org alert " + vaccine.id());
        assertThat(audit.get(0).detail()).isEqualTo("query 'vaccine', daily");
    }

    @Test
    void aSubscribersPageListsTheirAlertsAndAddsOneWithTheSameChecksAsTheReadersOwnPage() {
        Document page = admin.get("/admin/subscribers/" + ann.id()).doc();
        assertThat(column(page, "td.query")).containsExactly("vaccine");
        assertThat(page.select("table.alerts td.subscriber")).as("their page needs no subscriber column").isEmpty();
        assertThat(page.select("#add-alert select[name=frequency] option").eachAttr("value"))
                .containsExactly("instant", "daily", "weekly");

        String add = "/admin/subscribers/" + ann.id() + "/alerts";
        assertThat(admin.postRaw(add, Map.of("query", "tumour", "frequency", "daily")).status()).isEqualTo(403);
        assertThat(world.gazette.alerts().of(ann.id())).hasSize(1);

        Browser.Page bad = admin.post(add, Map.of("query", "cancer \"phase 2", "frequency", "weekly"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.doc().select(".problem-message").text()).isEqualTo("Column 8: the quote opened here is never closed.");
        assertThat(bad.doc().select("pre.query-caret").first().wholeText()).isEqualTo("cancer \"phase 2\n       ^");
        assertThat(bad.doc().select("#alert-query").val()).as("kept as typed").isEqualTo("cancer \"phase 2");
        assertThat(bad.doc().select("#alert-frequency option[selected]").val()).isEqualTo("weekly");
        Browser.Page badKo = admin.post(add + "?lang=ko", Map.of("query", "topic:nowhere", "frequency", "weekly"));
        assertThat(badKo.doc().select(".problem-message").text()).contains("\"nowhere\" 주제가 없습니다.");

        admin.get("/admin?lang=en");
        Browser.Page added = admin.post(add, Map.of("query", "tumour OR lymphoma", "frequency", "instant"));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        List<Alert> alerts = world.gazette.alerts().of(ann.id());
        assertThat(alerts).extracting(Alert::query).containsExactly("vaccine", "tumour OR lymphoma");
        assertThat(alerts.get(1).frequency()).isEqualTo(AlertFrequency.INSTANT);
        Document after = admin.get(added.location()).doc();
        assertThat(after.select(".notice").text()).isEqualTo("Alert " + alerts.get(1).id()
                + " is added. It matches items collected from now on.");
        assertThat(column(after, "td.query")).containsExactly("tumour OR lymphoma", "vaccine");
        AuditEntry entry = world.gazette.admin().audit().list(AdminWorld.ADMIN, "alert.create", 0, 10).get(0);
        assertThat(entry.target()).isEqualTo("ann@example.org alert " + alerts.get(1).id());
        assertThat(entry.detail()).isEqualTo("query 'tumour OR lymphoma', instant");

        assertThat(admin.post(add, Map.of("query", "screening", "frequency", "weekly")).status()).isEqualTo(303);
        Browser.Page limit = admin.post(add, Map.of("query", "one too many", "frequency", "weekly"));
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.doc().select(".problem-message").text()).isEqualTo("This subscriber has 3 alerts already, the most"
                + " one subscriber can have. Delete or change one instead.");
        assertThat(world.gazette.alerts().of(ann.id())).hasSize(3);
        assertThat(admin.post("/admin/subscribers/999999/alerts", Map.of("query", "x", "frequency", "daily")).status())
                .isEqualTo(404);
    }

    @Test
    void theDashboardCountsAlertsAndTheirMatchesOfTheWeekAndEveryPageNeedsALogIn() {
        assertThat(admin.get("/admin").doc().select("#alert-volume").text())
                .isEqualTo("Keyword alerts: 2; items they matched in the last 7 days: 1");

        Browser visitor = world.browser();
        for (String page : List.of("/admin/alerts", "/admin/alerts?test=vaccine", "/admin/alerts/" + vaccine.id())) {
            Browser.Page answer = visitor.get(page);
            assertThat(answer.status()).as(page).isEqualTo(303);
            assertThat(answer.location()).as(page).startsWith("/admin/login?next=");
            assertThat(answer.body()).doesNotContain("vaccine");
        }
        for (String post : List.of("/admin/alerts/" + vaccine.id() + "/pause", "/admin/alerts/" + vaccine.id() + "/resume",
                "/admin/alerts/" + vaccine.id() + "/delete", "/admin/subscribers/" + ann.id() + "/alerts")) {
            assertThat(visitor.post(post, Map.of("query", "x", "frequency", "daily")).status()).as(post).isEqualTo(403);
        }
        assertThat(world.gazette.alerts().of(ann.id())).hasSize(1);
        assertThat(world.gazette.alerts().find(vaccine.id()).orElseThrow().paused()).isFalse();
    }
}
