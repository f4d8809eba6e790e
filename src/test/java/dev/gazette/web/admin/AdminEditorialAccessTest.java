package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.SendJob;
import dev.gazette.delivery.SendRequest;
import dev.gazette.item.ItemQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use the pages for sources, manual sends, notes and items: a visitor is sent to the log-in page and every
 * form without a session or without this browser's CSRF value is refused, changing nothing.
 */
class AdminEditorialAccessTest {
    @TempDir
    Path dir;

    private AdminWorld world;
    private long itemId;
    private long noteId;
    private long sendId;

    @BeforeEach
    void open() {
        world = new AdminWorld(dir, DatabaseKind.H2, "");
        world.gazette.collectNow();
        world.importSubscribers("email,name,topics,frequency,timezone,locale\nann@example.org,Ann,oncology,weekly,UTC,en\n");
        world.gazette.sourceCatalog().add(new SourceConfig("mine", "Mine", SourceType.FEED,
                world.feeds.uri("/feed.xml").toString(), Duration.ofHours(1), "", List.of(), true, null), "setup");
        itemId = world.gazette.items().list(ItemQuery.all()).get(0).id();
        noteId = world.gazette.editorNotes().write("A note", "setup").id();
        world.gazette.sendJobs().close(); // the send below is recorded, not run
        SendJob job = world.gazette.sendJobs().start(SendRequest.active(null), "setup-key", "setup");
        sendId = job.id();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private List<String> pages() {
        return List.of("/admin/sources", "/admin/sources/new", "/admin/sources/wire/edit", "/admin/sources/mine/edit",
                "/admin/sources/mine/delete", "/admin/sends", "/admin/sends/" + sendId, "/admin/notes", "/admin/items",
                "/admin/items?topic=oncology");
    }

    private List<String> posts() {
        return List.of("/admin/sources/new", "/admin/sources/mine/edit", "/admin/sources/mine/enabled",
                "/admin/sources/wire/enabled", "/admin/sources/wire/fetch", "/admin/sources/mine/delete",
                "/admin/sends/dry-run", "/admin/sends", "/admin/notes", "/admin/notes/" + noteId + "/withdraw",
                "/admin/items/" + itemId + "/pin", "/admin/items/" + itemId + "/unpin");
    }

    /** A form that would change something on each of the POSTs above, if it were accepted. */
    private static Map<String, String> everything() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", "intruder");
        form.put("type", "FEED");
        form.put("url", "https://evil.example/feed.xml");
        form.put("action", "save");
        form.put("enabled", "false");
        form.put("confirm", "yes");
        form.put("audience", "active");
        form.put("request-key", "forged-key");
        form.put("markdown", "forged note");
        return form;
    }

    @Test
    void everyPageSendsAVisitorToTheLogInPageAndShowsToAnAdmin() {
        Browser visitor = world.browser();
        for (String page : pages()) {
            Browser.Page answer = visitor.get(page);
            assertThat(answer.status()).as(page).isEqualTo(303);
            assertThat(answer.location()).as(page)
                    .isEqualTo("/admin/login?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        }
        Browser admin = world.admin();
        for (String page : pages()) {
            assertThat(admin.get(page).status()).as(page).isEqualTo(200);
        }
    }

    @Test
    void everyPostWithoutASessionIsRefusedAndChangesNothing() {
        Browser visitor = world.browser();
        for (String post : posts()) {
            Browser.Page answer = visitor.post(post, everything());
            assertThat(answer.status()).as(post).isEqualTo(403);
            assertThat(answer.body()).as(post).contains("Log in first");
        }
        assertNothingChanged();
    }

    @Test
    void everyPostWithoutThisBrowsersCsrfValueIsRefusedAndChangesNothing() {
        Browser admin = world.admin();
        String othersValue = world.browser().csrf();
        for (String post : posts()) {
            assertThat(admin.postRaw(post, everything()).status()).as(post + " without a CSRF value").isEqualTo(403);
            Map<String, String> forged = new LinkedHashMap<>(everything());
            forged.put("_csrf", othersValue);
            assertThat(admin.postRaw(post, forged).status()).as(post + " with another browser's value").isEqualTo(403);
        }
        assertNothingChanged();
        assertThat(admin.post("/admin/notes", Map.of("markdown", "with csrf", "action", "save")).status())
                .as("the same form with its CSRF value").isEqualTo(303);
    }

    private void assertNothingChanged() {
        assertThat(world.gazette.sourceCatalog().list()).extracting(s -> s.definition().id())
                .containsExactly("wire", "broken", "mine");
        assertThat(world.gazette.sourceCatalog().list()).allMatch(s -> s.definition().enabled());
        assertThat(world.gazette.sendJobs().list(10)).extracting(SendJob::id).containsExactly(sendId);
        assertThat(world.gazette.editorNotes().list(10)).singleElement().satisfies(n -> {
            assertThat(n.withdrawn()).isFalse();
            assertThat(n.markdown()).isEqualTo("A note");
        });
        assertThat(world.gazette.pinnedItems().current(10)).isEmpty();
        assertThat(world.gazette.items().list(ItemQuery.all())).hasSize(1);
        assertThat(world.gazette.admin().audit().list(null, null, 0, 10)).noneMatch(e -> e.action().startsWith("source.")
                || e.action().startsWith("send.") || e.action().startsWith("note.") || e.action().startsWith("item."));
    }
}
