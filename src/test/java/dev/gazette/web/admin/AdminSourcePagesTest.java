package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.admin.AuditEntry;
import dev.gazette.config.SourceConfig;
import dev.gazette.db.DatabaseKind;
import dev.gazette.source.ManagedSource;
import dev.gazette.source.SourceOrigin;
import dev.gazette.testing.FixtureServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sources pages of the console over real HTTP: the list with each source's health, fetch now, adding a page
 * source after testing its selectors against a page a real server serves, per-field problems, switching, editing,
 * deleting after a confirmation, the configuration file's sources read-only, and the audit log.
 */
class AdminSourcePagesTest {
    /** A news page; one title would run script if a page printed it unescaped. */
    static final String NEWS = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>News</title></head><body>
            <ul class="news">
              <li class="post"><h3><a href="/a/1">Lymphoma drug approved</a></h3>
                <time datetime="2026-11-27">Nov 27</time><p class="teaser">A new therapy.</p></li>
              <li class="post"><h3><a href="/a/2">&lt;script&gt;alert(1)&lt;/script&gt; Heart study</a></h3>
                <time datetime="2026-11-26">Nov 26</time><p class="teaser">Cardiology news.</p></li>
            </ul>
            </body></html>
            """;

    @TempDir
    Path dir;

    private AdminWorld world;
    private Browser admin;

    @BeforeEach
    void open() {
        world = new AdminWorld(dir, DatabaseKind.H2, "");
        world.feeds.route("/news.html", FixtureServer.Route.ok(NEWS, "text/html; charset=utf-8"));
        world.gazette.collectNow();
        admin = world.admin();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private String newsUrl() {
        return world.feeds.uri("/news.html").toString();
    }

    /** The add form's fields for a page source, as a browser sends them. */
    private Map<String, String> pageSource(String id, String item, String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", id);
        form.put("name", "Hospital news");
        form.put("type", "PAGE");
        form.put("url", newsUrl());
        form.put("interval", "6h");
        form.put("cron", "");
        form.put("topics", "oncology");
        form.put("enabled", "on");
        form.put("page.item-kind", "ARTICLE");
        form.put("page.item", item);
        form.put("page.title", title);
        form.put("page.link", "h3 a");
        form.put("page.date", "time");
        form.put("page.summary", "p.teaser");
        form.put("page.start", "");
        form.put("page.end", "");
        form.put("page.location", "");
        form.put("page.date-formats", "");
        form.put("page.time-zone", "");
        form.put("page.locale", "en");
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put(key, value);
        return copy;
    }

    private static List<String> fieldErrors(Document doc, String key) {
        return doc.select("[data-field='" + key + "'] .field-error").eachText();
    }

    @Test
    void theListShowsEachSourcesOriginHealthAndNextRun() {
        Document doc = admin.get("/admin/sources").doc();

        Element wire = doc.selectFirst("#sources tr[data-source=wire]");
        assertThat(wire.select(".name").text()).isEqualTo("The Wire");
        assertThat(wire.select(".origin").text()).isEqualTo("configuration file");
        assertThat(wire.select(".enabled").text()).startsWith("on");
        assertThat(wire.select(".last-success").text()).isEqualTo("2026-11-28 10:00");
        assertThat(wire.select(".items").text()).isEqualTo("1");
        assertThat(wire.select(".failures").text()).isEqualTo("0");
        assertThat(wire.select(".next-run").text()).isEqualTo("2026-11-28 10:30");
        assertThat(wire.select("a.delete")).as("a file source cannot be deleted here").isEmpty();
        assertThat(wire.select("a.edit").text()).isEqualTo("View");
        Element broken = doc.selectFirst("#sources tr[data-source=broken]");
        assertThat(broken.select(".last-success").text()).isEqualTo("never");
        assertThat(broken.select(".last-error").text()).contains("500");
        assertThat(broken.select(".failures").text()).isEqualTo("1");
    }

    @Test
    void fetchNowCollectsTheSourceAndShowsWhatThatDid() {
        world.feedTitle("Second trial in oncology");

        Browser.Page page = admin.post("/admin/sources/wire/fetch", Map.of());

        assertThat(page.status()).isEqualTo(200);
        Element result = page.doc().selectFirst("#fetch-result");
        assertThat(result.attr("data-status")).isEqualTo("COLLECTED");
        assertThat(result.text()).contains("The Wire", "Fetched and read.", "1 new, 0 updated");
        assertThat(page.doc().select("#sources tr[data-source=wire] .items").text()).isEqualTo("2");

        Element failed = admin.post("/admin/sources/broken/fetch", Map.of()).doc().selectFirst("#fetch-result");
        assertThat(failed.attr("data-status")).isEqualTo("FAILED");
        assertThat(failed.select(".bad").text()).contains("500");
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "source.fetch", 0, 10))
                .extracting(AuditEntry::target).containsExactly("broken", "wire");
        assertThat(admin.post("/admin/sources/nothing/fetch", Map.of()).status()).isEqualTo(404);
        Browser.Page get = admin.get("/admin/sources/wire/fetch?lang=ko");
        assertThat(get.location()).as("a GET (the language link) fetches nothing").isEqualTo("/admin/sources");
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "source.fetch", 0, 10)).hasSize(2);
    }

    @Test
    void aBadSelectorAndABadIntervalAreShownBesideTheirFieldsAndNothingIsSaved() {
        Browser.Page answer = admin.post("/admin/sources/new",
                with(with(pageSource("hospital", "li.post[", ""), "interval", "soon"), "action", "save"));

        assertThat(answer.status()).isEqualTo(400);
        Document doc = answer.doc();
        assertThat(fieldErrors(doc, "page.item")).singleElement().asString().startsWith("'li.post[' is not valid CSS");
        assertThat(fieldErrors(doc, "page.title")).containsExactly("is required");
        assertThat(fieldErrors(doc, "interval")).singleElement().asString().contains("'soon' is not a duration");
        assertThat(fieldErrors(doc, "url")).isEmpty();
        assertThat(doc.select("[role=alert] li").eachText()).contains("page.title: is required");
        assertThat(doc.select("input[name='page.item']").attr("value")).as("kept as typed").isEqualTo("li.post[");
        assertThat(doc.select("input[name=topics][checked]").eachAttr("value")).containsExactly("oncology");
        assertThat(world.gazette.sourceCatalog().get("hospital")).isEmpty();

        Document file = admin.post("/admin/sources/new", with(with(pageSource("hospital", "li.post", "h3"), "url",
                "file:///etc/passwd"), "action", "save")).doc();
        assertThat(fieldErrors(file, "url")).singleElement().asString().contains("must start with http: or https:");
        Document taken = admin.post("/admin/sources/new", with(pageSource("wire", "li.post", "h3"), "action", "save")).doc();
        assertThat(fieldErrors(taken, "id")).singleElement().asString().contains("configuration file");
        assertThat(world.gazette.sourceCatalog().list()).hasSize(2);
        assertThat(world.gazette.admin().audit().list(null, "source", 0, 10)).isEmpty();
    }

    @Test
    void testingSelectorsShowsWhatTheyExtractBeforeAnythingIsSaved() {
        Browser.Page tested = admin.post("/admin/sources/new", with(pageSource("hospital", "li.post", "h3"), "action", "test"));

        assertThat(tested.status()).isEqualTo(200);
        assertThat(tested.body()).doesNotContain("<script>alert");
        Document doc = tested.doc();
        assertThat(doc.select("#selector-test").attr("data-ok")).isEqualTo("true");
        assertThat(doc.select("#test-items .title").eachText())
                .containsExactly("Lymphoma drug approved", "<script>alert(1)</script> Heart study");
        assertThat(doc.select("#test-items .link").first().text()).isEqualTo(world.feeds.uri("/a/1").toString());
        assertThat(doc.select("#test-items .summary").first().text()).isEqualTo("A new therapy.");
        assertThat(doc.select("input[name='page.item']").attr("value")).isEqualTo("li.post");
        assertThat(world.gazette.sourceCatalog().get("hospital")).as("a test saves nothing").isEmpty();
        assertThat(world.feeds.requests("/news.html")).hasSize(1);

        Document nothing = admin.post("/admin/sources/new", with(pageSource("hospital", "li.story", "h3"), "action", "test")).doc();
        assertThat(nothing.select("#selector-test").attr("data-ok")).isEqualTo("false");
        assertThat(nothing.select("#test-errors li").eachText()).singleElement().asString()
                .contains("item selector 'li.story' matched nothing");
        Document badCss = admin.post("/admin/sources/new", with(pageSource("hospital", "li.post", "h3["), "action", "test")).doc();
        assertThat(badCss.select("#test-errors li").text()).contains("title selector 'h3[' is not valid CSS");
        Document feed = admin.post("/admin/sources/new", with(with(pageSource("hospital", "li.post", "h3"), "type", "FEED"),
                "action", "test")).doc();
        assertThat(feed.select("[role=alert]").text()).contains("Only sources of type page have selectors to test");
    }

    @Test
    void aSourceAddedHereIsEditedSwitchedAndDeletedAfterAConfirmation() {
        Browser.Page added = admin.post("/admin/sources/new", with(pageSource("hospital", "li.post", "h3"), "action", "save"));

        assertThat(added.status()).isEqualTo(303);
        assertThat(admin.get(added.location()).doc().select("[role=status]").text()).startsWith("Source added.");
        ManagedSource stored = world.gazette.sourceCatalog().get("hospital").orElseThrow();
        assertThat(stored.origin()).isEqualTo(SourceOrigin.ADMIN);
        assertThat(stored.definition().page().item()).isEqualTo("li.post");
        assertThat(stored.definition().topics()).containsExactly("oncology");
        Element row = admin.get("/admin/sources").doc().selectFirst("#sources tr[data-source=hospital]");
        assertThat(row.select(".origin").text()).isEqualTo("console");
        assertThat(row.select("a.edit").text()).isEqualTo("Edit");
        assertThat(admin.post("/admin/sources/hospital/fetch", Map.of()).doc().select("#fetch-result").text())
                .contains("2 new");

        Document edit = admin.get("/admin/sources/hospital/edit").doc();
        assertThat(edit.select("input[name=id]").hasAttr("readonly")).isTrue();
        assertThat(edit.select("input[name='page.title']").attr("value")).isEqualTo("h3");
        assertThat(edit.select("input[name=interval]").attr("value")).isEqualTo("6h");
        Browser.Page saved = admin.post("/admin/sources/hospital/edit", with(with(with(pageSource("renamed", "li.post", "h3"),
                "name", "Hospital press"), "interval", "12h"), "action", "save"));
        assertThat(saved.status()).isEqualTo(303);
        SourceConfig now = world.gazette.sourceCatalog().find("hospital").orElseThrow();
        assertThat(now.name()).isEqualTo("Hospital press");
        assertThat(now.interval()).hasHours(12);
        assertThat(world.gazette.sourceCatalog().get("renamed")).as("the id stays").isEmpty();

        admin.post("/admin/sources/hospital/enabled", Map.of("enabled", "false"));
        assertThat(world.gazette.sourceCatalog().find("hospital").orElseThrow().enabled()).isFalse();

        Browser.Page confirm = admin.get("/admin/sources/hospital/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.doc().select("#delete-form").text()).contains("Hospital press", "hospital");
        assertThat(world.gazette.sourceCatalog().get("hospital")).as("asking changes nothing").isPresent();
        Browser.Page unconfirmed = admin.post("/admin/sources/hospital/delete", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(world.gazette.sourceCatalog().get("hospital")).isPresent();
        Browser.Page deleted = admin.post("/admin/sources/hospital/delete", Map.of("confirm", "yes"));
        assertThat(deleted.location()).startsWith("/admin/sources?done=source.deleted");
        assertThat(world.gazette.sourceCatalog().get("hospital")).isEmpty();
        assertThat(admin.get("/admin/sources/hospital/edit").status()).isEqualTo(404);

        List<AuditEntry> audit = world.gazette.admin().audit().list(AdminWorld.ADMIN, "source", 0, 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("source.delete", "source.disable",
                "source.update", "source.fetch", "source.add");
        assertThat(audit).extracting(AuditEntry::target).containsOnly("hospital");
        assertThat(audit.get(2).detail()).contains("name 'Hospital news' → 'Hospital press'", "interval '6h' → '12h'");
        assertThat(audit.get(4).detail()).startsWith("page " + newsUrl() + " every 6h");
    }

    @Test
    void aSourceOfTheConfigurationFileIsReadOnlyExceptItsSwitch() {
        Document view = admin.get("/admin/sources/wire/edit").doc();
        assertThat(view.select(".notice").text()).contains("defined in the configuration file");
        assertThat(view.select("#source-form input[name=url]").hasAttr("disabled")).isTrue();
        assertThat(view.select("#source-save-button, #test-selectors-button")).isEmpty();

        Browser.Page edit = admin.post("/admin/sources/wire/edit", with(pageSource("wire", "li.post", "h3"), "action", "save"));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.doc().select("[role=alert]").text()).contains("defined in the configuration file");
        assertThat(admin.get("/admin/sources/wire/delete").status()).isEqualTo(400);
        assertThat(admin.post("/admin/sources/wire/delete", Map.of("confirm", "yes")).status()).isEqualTo(400);
        assertThat(world.gazette.sourceCatalog().find("wire").orElseThrow().url()).endsWith("/feed.xml");

        Browser.Page off = admin.post("/admin/sources/wire/enabled", Map.of("enabled", "false"));

        assertThat(admin.get(off.location()).doc().select("[role=status]").text()).startsWith("Switched off");
        assertThat(world.gazette.sourceCatalog().find("wire").orElseThrow().enabled()).isFalse();
        Element row = admin.get("/admin/sources").doc().selectFirst("#sources tr[data-source=wire]");
        assertThat(row.select(".enabled").text()).startsWith("off");
        assertThat(row.select(".next-run").text()).as("the test's schedule still lists it").isNotEmpty();
        admin.post("/admin/sources/wire/enabled", Map.of("enabled", "true"));
        assertThat(world.gazette.sourceCatalog().find("wire").orElseThrow().enabled()).isTrue();
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "source", 0, 10)).extracting(AuditEntry::action)
                .containsExactly("source.enable", "source.disable");
    }

    @Test
    void theSourcesPagesAreInKorean() {
        Document list = admin.get("/admin/sources?lang=ko").doc();
        assertThat(list.select("h1").text()).isEqualTo("소스");
        assertThat(list.select("#sources tr[data-source=wire] .origin").text()).isEqualTo("설정 파일");
        assertThat(list.select("#sources tr[data-source=wire] button.fetch").text()).isEqualTo("지금 가져오기");
        Document form = admin.get("/admin/sources/new").doc();
        assertThat(form.select("h1").text()).isEqualTo("소스 추가");
        assertThat(form.select("#test-selectors-button").text()).isEqualTo("선택자 시험");
        assertThat(admin.get("/admin/sources/new").body()).doesNotContain("??");
    }
}
