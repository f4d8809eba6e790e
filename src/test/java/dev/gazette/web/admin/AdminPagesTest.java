package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.admin.AuditEntry;
import dev.gazette.admin.NewApiToken;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemQuery;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an admin sees and does on each page of the console, over real HTTP, read as a user reads it. */
class AdminPagesTest {
    /** A feed item's title and a subscriber's name that would run script if written into a page unescaped. */
    static final String EVIL_TITLE = "<script>alert(1)</script> Lymphoma \"><img src=x onerror=alert(2)>";
    static final String EVIL_NAME = "<img src=x onerror=alert(3)>Eve \"O'Hara\"";
    static final String CSV = """
            email,name,topics,frequency,timezone,locale
            ann@example.org,Ann Lee,oncology,weekly,Europe/Berlin,en
            eve@example.org,"<img src=x onerror=alert(3)>Eve ""O'Hara\"\"",oncology;cardiology,daily,UTC,en
            jisoo@example.org,김지수,korea-biotech,weekly,Asia/Seoul,ko
            """;

    @TempDir
    Path dir;

    private AdminWorld world;
    private Browser admin;

    @BeforeEach
    void open() {
        world = new AdminWorld(dir, DatabaseKind.H2, "");
        world.gazette.collectNow();
        // As if a parser had let it through: whatever is stored, every page must escape.
        world.gazette.items().save("wire", new ItemDraft(ItemKind.ARTICLE, "evil", "javascript:alert(4)", null, EVIL_TITLE,
                "", EVIL_TITLE, List.of(), Instant.parse("2026-11-27T09:00:00Z"), null, null, null, false, null,
                "<b>venue</b>", List.of("oncology")));
        world.importSubscribers(CSV);
        world.clock.advance(Duration.ofMinutes(5)); // the item is now in every reader's window
        admin = world.admin();
    }

    @AfterEach
    void close() {
        world.close();
    }

    /** No element or attribute the evil values carry made it into the page as markup. */
    private static void assertNothingRuns(Browser.Page page) {
        assertThat(page.body()).doesNotContain("<script>alert", "<img src=x", "onerror=alert(2)>", "onerror=alert(3)>");
        Document doc = page.doc();
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
    }

    @Test
    void theDashboardCountsChartsAndListsWhatNeedsAttentionWithFeedTextEscaped() {
        world.gazette.subscribers().unsubscribe(world.subscriberId("jisoo@example.org"));

        Browser.Page page = admin.get("/admin");

        assertNothingRuns(page);
        Document doc = page.doc();
        assertThat(doc.select("#subscriber-counts [data-status=active] b").text()).isEqualTo("2");
        assertThat(doc.select("#subscriber-counts [data-status=unsubscribed] b").text()).isEqualTo("1");
        assertThat(doc.select("#subscriber-counts [data-status=pending] b").text()).isEqualTo("0");
        assertThat(doc.select("h2").eachText()).contains("Subscribers: 3", "Items collected in the last 30 days: 2");
        assertThat(doc.select("svg.chart")).hasSize(2);
        assertThat(doc.select("svg.chart").first().select("rect title").eachText()).containsExactly("2026-11-28: 2 items");
        assertThat(doc.select("#per-day tr").last().select("td").eachText()).containsExactly("2026-11-28", "2", "0", "0", "0");
        assertThat(doc.select("#per-day tr")).hasSize(31);
        assertThat(doc.select("#failing-sources td").text()).contains("Broken feed", "HTTP 500");
        assertThat(doc.select("#next-runs tr").stream().skip(1)
                .map(tr -> tr.select("td").get(0).text() + " | " + tr.select("td").get(1).text()).toList())
                .containsExactly("Look for due digests | 2026-11-28 10:05", "Collect The Wire | 2026-11-28 10:30");
        assertThat(doc.select("#latest-items td").text()).contains(EVIL_TITLE, "<b>venue</b>");
        assertThat(doc.select("#latest-items a").eachAttr("href")).as("only http(s) links are links")
                .containsExactly("https://wire.example.org/" + Integer.toHexString("Tumour vaccine trial shrinks cancer".hashCode()));
        assertThat(doc.select("#sources td").text()).contains("The Wire", "Broken feed", "failing");
    }

    @Test
    void subscribersAreFoundByAddressOrNameTopicAndStatusAndPagedThrough() {
        StringBuilder many = new StringBuilder("email,name,topics,frequency,timezone,locale\n");
        for (int i = 1; i <= 55; i++) {
            many.append("reader%02d@example.net,Reader %d,cardiology,weekly,UTC,en\n".formatted(i, i));
        }
        world.importSubscribers(many.toString());

        assertThat(emails(admin.get("/admin/subscribers?q=LEE"))).containsExactly("ann@example.org");
        assertThat(emails(admin.get("/admin/subscribers?q=%EA%B9%80%EC%A7%80"))).containsExactly("jisoo@example.org");
        assertThat(emails(admin.get("/admin/subscribers?topic=oncology"))).containsExactly("ann@example.org", "eve@example.org");
        world.gazette.subscribers().unsubscribe(world.subscriberId("ann@example.org"));
        assertThat(emails(admin.get("/admin/subscribers?status=UNSUBSCRIBED"))).containsExactly("ann@example.org");
        assertThat(emails(admin.get("/admin/subscribers?q=nobody"))).isEmpty();
        assertThat(admin.get("/admin/subscribers?q=nobody").text()).contains("No subscribers match.");

        Document first = admin.get("/admin/subscribers?topic=cardiology").doc();
        assertThat(first.select("#subscribers tr")).hasSize(1 + 50);
        String next = first.select("a:contains(Next page)").attr("href");
        assertThat(next).contains("topic=cardiology", "after=");
        Document second = admin.get(next).doc();
        assertThat(second.select("#subscribers tr td:first-child").eachText()).containsExactly(
                "reader50@example.net", "reader51@example.net", "reader52@example.net", "reader53@example.net",
                "reader54@example.net", "reader55@example.net");
        assertThat(second.select("a:contains(Next page)")).isEmpty();
        assertThat(second.select("select[name=topic] option[selected]").attr("value")).isEqualTo("cardiology");
    }

    private static List<String> emails(Browser.Page page) {
        return page.doc().select("#subscribers tr td:first-child").eachText();
    }

    @Test
    void aSubscribersNameIsShownEscapedWhereverItAppears() {
        long eve = world.subscriberId("eve@example.org");
        for (String path : List.of("/admin/subscribers", "/admin/subscribers/" + eve, "/admin/preview?email=eve@example.org",
                "/admin/subscribers?q=eve")) {
            Browser.Page page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertNothingRuns(page);
        }
        assertThat(admin.get("/admin/subscribers").doc().select("#subscribers td.name").eachText()).contains(EVIL_NAME);
        assertThat(admin.get("/admin/subscribers/" + eve).doc().select("input[name=name]").attr("value")).isEqualTo(EVIL_NAME);
    }

    @Test
    void editingASubscriberSavesEachDetailAndRecordsWhatChanged() {
        long ann = world.subscriberId("ann@example.org");

        Browser.Page saved = admin.postPairs("/admin/subscribers/" + ann, "name", "Ann Kim", "topics", "cardiology",
                "topics", "korea-biotech", "frequency", "DAILY", "sendDay", "FRIDAY", "sendHour", "7",
                "zone", "Asia/Seoul", "language", "ko", "status", "ACTIVE");

        assertThat(saved.status()).isEqualTo(303);
        Subscriber now = world.gazette.subscribers().find(ann).orElseThrow();
        assertThat(now.name()).isEqualTo("Ann Kim");
        assertThat(now.topics()).containsExactly("cardiology", "korea-biotech");
        assertThat(now.frequency().name()).isEqualTo("DAILY");
        assertThat(now.sendDay()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(now.sendHour()).isEqualTo(7);
        assertThat(now.timeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(now.locale().toLanguageTag()).isEqualTo("ko");
        Document page = admin.get(saved.location()).doc();
        assertThat(page.select("[role=status]").text()).isEqualTo("Saved.");
        assertThat(page.select("input[name=topics][checked]").eachAttr("value")).containsExactly("cardiology", "korea-biotech");
        assertThat(page.select("select[name=sendDay] option[selected]").text()).isEqualTo("Friday");
        AuditEntry entry = world.gazette.admin().audit().list(AdminWorld.ADMIN, "subscriber.update", 0, 1).get(0);
        assertThat(entry.target()).isEqualTo("ann@example.org");
        assertThat(entry.detail()).contains("name 'Ann Lee' → 'Ann Kim'", "topics '[oncology]' → '[cardiology, korea-biotech]'",
                "time zone 'Europe/Berlin' → 'Asia/Seoul'").doesNotContain("status");
    }

    @Test
    void badValuesAreListedAndNothingIsSaved() {
        long ann = world.subscriberId("ann@example.org");

        Browser.Page answer = admin.postPairs("/admin/subscribers/" + ann, "name", "Ann\nLee", "topics", "neurology",
                "frequency", "HOURLY", "sendDay", "FRIDAY", "sendHour", "25", "zone", "KST", "language", "ko",
                "status", "ACTIVE");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.doc().select("[role=alert] li").eachText()).containsExactly("the name must be one line",
                "unknown topic 'neurology'", "unknown frequency 'HOURLY'", "send hour 25 is not an hour from 0 to 23",
                "unknown time zone 'KST' (use a name like Europe/Berlin or Asia/Seoul)");
        assertThat(answer.doc().select("input[name=zone]").attr("value")).isEqualTo("KST");
        assertThat(world.gazette.subscribers().find(ann).orElseThrow().name()).isEqualTo("Ann Lee");
        assertThat(world.gazette.admin().audit().list(null, "subscriber", 0, 10)).isEmpty();
    }

    @Test
    void anUnsubscribedAddressKeepsItsDetailsUntilItIsMadeActiveAgain() {
        long ann = world.subscriberId("ann@example.org");
        Browser.Page unsubscribed = admin.post("/admin/subscribers/" + ann + "/unsubscribe", Map.of());
        assertThat(admin.get(unsubscribed.location()).doc().select("[role=status]").text()).startsWith("Unsubscribed");
        assertThat(world.gazette.subscribers().find(ann).orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);

        Browser.Page kept = admin.postPairs("/admin/subscribers/" + ann, "name", "Changed", "topics", "oncology",
                "frequency", "WEEKLY", "sendDay", "MONDAY", "sendHour", "8", "zone", "Europe/Berlin", "language", "en",
                "status", "UNSUBSCRIBED");
        assertThat(admin.get(kept.location()).doc().select("[role=status]").text()).startsWith("The status is saved.");
        assertThat(world.gazette.subscribers().find(ann).orElseThrow().name()).isEqualTo("Ann Lee");

        admin.postPairs("/admin/subscribers/" + ann, "name", "Changed", "topics", "oncology", "frequency", "WEEKLY",
                "sendDay", "MONDAY", "sendHour", "8", "zone", "Europe/Berlin", "language", "en", "status", "ACTIVE");
        Subscriber back = world.gazette.subscribers().find(ann).orElseThrow();
        assertThat(back.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(back.name()).isEqualTo("Changed");
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "subscriber", 0, 10)).extracting(AuditEntry::action)
                .containsExactly("subscriber.update", "subscriber.update", "subscriber.unsubscribe");
    }

    @Test
    void deletingNeedsTheBoxTickedThenTheSubscriberIsGone() {
        long ann = world.subscriberId("ann@example.org");

        Browser.Page unticked = admin.post("/admin/subscribers/" + ann + "/delete", Map.of());
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.doc().select("[role=alert]").text()).contains("Tick the box");
        assertThat(world.gazette.subscribers().find(ann)).isPresent();

        Browser.Page deleted = admin.post("/admin/subscribers/" + ann + "/delete", Map.of("confirm", "yes"));
        assertThat(deleted.location()).startsWith("/admin/subscribers?done=subscriber.deleted");
        assertThat(world.gazette.subscribers().find(ann)).isEmpty();
        assertThat(admin.get("/admin/subscribers/" + ann).status()).isEqualTo(404);
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "subscriber.delete", 0, 1).get(0).target())
                .isEqualTo("ann@example.org");
    }

    @Test
    void importingAFileShowsTheSameReportAsTheCommandLine() {
        String csv = """
                email,name,topics,frequency,timezone,locale
                new@example.org,New Reader,oncology,daily,UTC,en
                ann@example.org,Ann Lee,oncology,weekly,Europe/Berlin,en
                bad@example.org,Bad,neurology,daily,UTC,en
                worse@example.org,Worse,oncology,daily,KST,en
                """;

        Browser.Page report = admin.upload("/admin/subscribers/import", "file", "readers.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.doc().select("#report .notice").text()).isEqualTo(
                "readers.csv: 1 new, 0 updated, 1 unchanged, 0 skipped (unsubscribed or bounced), 2 rejected");
        assertThat(report.doc().select("#problems tr").eachText()).satisfiesExactly(
                header -> assertThat(header).isEqualTo("Line Address Reason"),
                row -> assertThat(row).startsWith("4 bad@example.org unknown topic 'neurology' (topics: oncology,"),
                row -> assertThat(row).startsWith("5 worse@example.org unknown time zone 'KST' (an IANA name"));
        assertThat(world.gazette.subscribers().findByEmail("new@example.org")).isPresent();
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "subscribers.import", 0, 1).get(0).detail())
                .contains("1 new", "2 rejected");

        Browser.Page latin1 = admin.upload("/admin/subscribers/import", "file", "latin1.csv",
                "email,name,topics,frequency,timezone,locale\nrene@example.org,Ren\u00e9,oncology,daily,UTC,en\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.doc().select("[role=alert]").text()).startsWith("latin1.csv is not UTF-8");
        assertThat(world.gazette.subscribers().findByEmail("rene@example.org")).isEmpty();

        Browser.Page broken = admin.upload("/admin/subscribers/import", "file", "empty.csv", "\n".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.doc().select("#report .notice").text()).startsWith("empty.csv: not imported: the file is empty");
    }

    @Test
    void exportDownloadsTheFilteredSubscribersAsCsv() {
        Browser.Page all = admin.get("/admin/subscribers/export");
        assertThat(all.header("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(all.header("Content-Disposition")).contains("attachment; filename=\"subscribers.csv\"");
        assertThat(all.body().lines()).hasSize(4).first().asString().startsWith("email,name,topics");

        Browser.Page korean = admin.get("/admin/subscribers/export?topic=korea-biotech");
        assertThat(korean.body()).isEqualTo("""
                email,name,topics,frequency,timezone,locale,send_day,send_hour,status
                jisoo@example.org,김지수,korea-biotech,weekly,Asia/Seoul,ko,monday,8,active
                """);
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "subscribers.export", 0, 10))
                .extracting(AuditEntry::target).containsExactly("topic korea-biotech", "all");
    }

    @Test
    void editedTopicKeywordsTagWhatTheNextCollectionBrings() {
        Document topics = admin.get("/admin/topics").doc();
        assertThat(topics.select("tr[data-slug=oncology] td.items").text()).isEqualTo("2");
        assertThat(topics.select("tr[data-slug=oncology] td.subscribers").text()).isEqualTo("2");
        assertThat(topics.select("tr[data-slug=cardiology] td.subscribers").text()).isEqualTo("1");
        world.feedTitle("Zebrafish fins regrow");
        world.gazette.collectNow();

        Browser.Page saved = admin.post("/admin/topics/cardiology", Map.of("include", "cardiology\r\nheart\r\n zebrafish \r\n",
                "exclude", ""));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.get(saved.location()).doc().select("[role=status]").text())
                .isEqualTo("Keywords saved. They apply from the next collection.");
        world.feedTitle("Zebrafish scales studied");
        world.gazette.collectNow();
        assertThat(topicsOf("Zebrafish scales studied")).contains("cardiology");
        assertThat(topicsOf("Zebrafish fins regrow")).as("collected before the edit").doesNotContain("cardiology");
        Document after = admin.get("/admin/topics").doc();
        assertThat(after.select("tr[data-slug=cardiology] .tag").eachText()).containsExactly("cardiology", "heart", "zebrafish");
        assertThat(after.select("tr[data-slug=cardiology]").text()).contains("Edited by alice");
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "topic.keywords", 0, 1).get(0).detail())
                .contains("→ [cardiology, heart, zebrafish]");

        Browser.Page bad = admin.post("/admin/topics/cardiology", Map.of("include", "x".repeat(201), "exclude", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.doc().select("[role=alert]").text()).contains("longer than 200 characters");

        admin.post("/admin/topics/cardiology/reset", Map.of());
        assertThat(world.gazette.topics().overrides()).isEmpty();
        assertThat(admin.get("/admin/topics/neurology").status()).isEqualTo(404);
    }

    private List<String> topicsOf(String title) {
        return world.gazette.items().list(new ItemQuery(null, null, null, null, 100)).stream()
                .filter(i -> i.title().equals(title)).findFirst().orElseThrow().topics();
    }

    @Test
    void thePreviewShowsTheNextDigestAsSentWithTheHtmlSandboxed() {
        long eve = world.subscriberId("eve@example.org");

        Browser.Page page = admin.get("/admin/preview?email=EVE@example.org");

        assertNothingRuns(page);
        Document doc = page.doc();
        assertThat(doc.select("#subject").text()).isNotBlank();
        assertThat(doc.select("#text").text()).contains(EVIL_TITLE);
        assertThat(doc.select("iframe").attr("src")).isEqualTo("/admin/preview/" + eve + "/html");
        assertThat(doc.select("iframe").attr("sandbox")).doesNotContain("allow-scripts", "allow-same-origin");
        String expected = world.gazette.digests().preview(world.gazette.subscribers().find(eve).orElseThrow()).digest().html();
        Browser.Page html = admin.get("/admin/preview/" + eve + "/html");
        assertThat(html.body()).isEqualTo(expected).doesNotContain("<script>alert");
        assertThat(html.header("Content-Security-Policy")).get().asString().startsWith("sandbox ")
                .doesNotContain("allow-scripts", "allow-same-origin");

        Browser.Page unknown = admin.get("/admin/preview?email=nobody@example.org");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.doc().select("[role=alert]").text()).isEqualTo("There is no subscriber nobody@example.org.");
    }

    @Test
    void aTokenIsShownOnceWorksForTheApiAndStopsWhenRevoked() {
        Browser.Page created = admin.post("/admin/tokens", Map.of("name", "deploy <script>"));

        assertNothingRuns(created);
        String secret = created.doc().select("#secret").text();
        assertThat(secret).startsWith("gzt_");
        assertThat(world.gazette.admin().apiTokens().verify(secret)).isPresent();
        Browser.Page list = admin.get("/admin/tokens");
        assertThat(list.body()).doesNotContain(secret);
        assertThat(list.doc().select("#tokens tr").get(1).text()).contains("deploy <script>", "alice", "active");
        long id = world.gazette.admin().apiTokens().list().get(0).id();

        Browser.Page revoked = admin.post("/admin/tokens/" + id + "/revoke", Map.of());

        assertThat(admin.get(revoked.location()).doc().select("[role=status]").text())
                .isEqualTo("Token " + id + " is revoked: it no longer works.");
        assertThat(world.gazette.admin().apiTokens().verify(secret)).isEmpty();
        assertThat(admin.get("/admin/tokens").doc().select("#tokens tr").get(1).text()).contains("revoked by alice");
        assertThat(admin.post("/admin/tokens", Map.of("name", " ")).doc().select("[role=alert]").text())
                .contains("needs a name");
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "token", 0, 10)).extracting(AuditEntry::action)
                .containsExactly("token.revoke", "token.create");
    }

    @Test
    void theAuditLogPageListsWhoDidWhatNewestFirstAndFilters() {
        NewApiToken token = world.gazette.admin().apiTokens().create("ci", "cli");
        world.gazette.admin().audit().record("cli", "token.create", "ci <b>", "id " + token.token().id());
        admin.post("/admin/subscribers/" + world.subscriberId("ann@example.org") + "/unsubscribe", Map.of());

        Browser.Page page = admin.get("/admin/audit");

        assertThat(page.doc().select("#audit td.action").eachText()).containsExactly("subscriber.unsubscribe",
                "token.create", "login");
        assertThat(page.doc().select("#audit td.target").eachText()).contains("ci <b>");
        assertThat(page.body()).doesNotContain("ci <b>");
        assertThat(admin.get("/admin/audit?actor=cli").doc().select("#audit td.action").eachText()).containsExactly("token.create");
        assertThat(admin.get("/admin/audit?action=subscriber").doc().select("#audit td.target").eachText())
                .containsExactly("ann@example.org");
    }

    @Test
    void theConsoleIsInKoreanToo() {
        Document page = admin.get("/admin?lang=ko").doc();
        assertThat(page.select("nav.admin-nav a").eachText()).contains("대시보드", "구독자", "감사 로그");
        assertThat(page.select("h1").text()).isEqualTo("대시보드");
        assertThat(admin.get("/admin/subscribers").doc().select("h1").text()).isEqualTo("구독자");
        assertThat(admin.get("/admin/subscribers").body()).doesNotContain("??");
    }
}
