package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.admin.AuditEntry;
import dev.gazette.db.DatabaseKind;
import dev.gazette.digest.EditorNote;
import dev.gazette.item.Item;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemQuery;
import dev.gazette.item.Pin;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editor's notes (write, preview sanitised, withdraw) and pinned items in the console, over real HTTP. */
class AdminEditorialPagesTest {
    /** Markdown an editor might paste, with everything that must not run. */
    static final String EVIL_NOTE = """
            **Welcome** to the *winter* edition. <script>alert(1)</script>

            <img src=x onerror=alert(2)> [a trap](javascript:alert(3)) and [our site](https://news.example.org/)

            <iframe src="https://evil.example/"></iframe>
            """;
    static final String EVIL_TITLE = "<script>alert(4)</script> Lymphoma \"><img src=x onerror=alert(5)>";

    @TempDir
    Path dir;

    private AdminWorld world;
    private Browser admin;

    @BeforeEach
    void open() {
        world = new AdminWorld(dir, DatabaseKind.H2, "");
        world.gazette.collectNow();
        world.gazette.items().save("wire", new ItemDraft(ItemKind.ARTICLE, "evil", "javascript:alert(6)", null, EVIL_TITLE,
                "", EVIL_TITLE, List.of(), Instant.parse("2026-11-27T09:00:00Z"), null, null, null, false, null, null,
                List.of("oncology")));
        admin = world.admin();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static void assertNothingRuns(Browser.Page page) {
        assertThat(page.body()).doesNotContain("<script>alert", "<img src=x", "<iframe");
        Document doc = page.doc();
        assertThat(doc.select("script, iframe, [onerror]")).isEmpty();
        assertThat(doc.select("[href]").eachAttr("href")).noneMatch(href -> href.strip().toLowerCase().startsWith("javascript"));
    }

    @Test
    void aNotesPreviewIsSanitisedAndSavesNothing() {
        Browser.Page preview = admin.post("/admin/notes", Map.of("markdown", EVIL_NOTE, "action", "preview"));

        assertThat(preview.status()).isEqualTo(200);
        assertNothingRuns(preview);
        Element html = preview.doc().selectFirst("#note-preview .note-html");
        assertThat(html.select("strong").text()).isEqualTo("Welcome");
        assertThat(html.select("em").text()).isEqualTo("winter");
        assertThat(html.select("a").eachAttr("href")).containsExactly("https://news.example.org/");
        assertThat(html.text()).contains("a trap").doesNotContain("alert(1)");
        assertThat(preview.doc().select("#note-preview .note-text").text()).contains("Welcome");
        assertThat(preview.doc().select("#note-markdown").text()).as("the Markdown as typed, escaped")
                .isEqualTo(EVIL_NOTE.strip());
        assertThat(world.gazette.editorNotes().list(10)).isEmpty();
        assertThat(world.gazette.admin().audit().list(null, "note", 0, 10)).isEmpty();
    }

    @Test
    void aSavedNoteIsListedRenderedSafelyAndCanBeWithdrawn() {
        Browser.Page saved = admin.post("/admin/notes", Map.of("markdown", EVIL_NOTE, "action", "save"));

        assertThat(saved.status()).isEqualTo(303);
        EditorNote note = world.gazette.editorNotes().list(1).get(0);
        assertThat(note.createdBy()).isEqualTo(AdminWorld.ADMIN);
        Browser.Page list = admin.get(saved.location());
        assertNothingRuns(list);
        assertThat(list.doc().select("[role=status]").text()).startsWith("Note " + note.id() + " saved");
        Element shown = list.doc().selectFirst("#notes [data-note=" + note.id() + "]");
        assertThat(shown.attr("data-withdrawn")).isEqualTo("false");
        assertThat(shown.select(".note-html strong").text()).isEqualTo("Welcome");

        admin.post("/admin/notes/" + note.id() + "/withdraw", Map.of());

        assertThat(world.gazette.editorNotes().find(note.id()).orElseThrow().withdrawn()).isTrue();
        Element withdrawn = admin.get("/admin/notes").doc().selectFirst("#notes [data-note=" + note.id() + "]");
        assertThat(withdrawn.attr("data-withdrawn")).isEqualTo("true");
        assertThat(withdrawn.select("button")).isEmpty();
        assertThat(withdrawn.text()).contains("Withdrawn by alice");
        List<AuditEntry> audit = world.gazette.admin().audit().list(AdminWorld.ADMIN, "note", 0, 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("note.withdraw", "note.write");
        assertThat(audit).extracting(AuditEntry::target).containsOnly("note " + note.id());
        assertThat(audit.get(1).detail()).startsWith("**Welcome** to the *winter* edition.");

        Browser.Page empty = admin.post("/admin/notes", Map.of("markdown", "  ", "action", "save"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.doc().select("[role=alert]").text()).isEqualTo("the note is empty");
        assertThat(admin.post("/admin/notes/999/withdraw", Map.of()).status()).isEqualTo(404);
    }

    private long itemId(String title) {
        return world.gazette.items().list(ItemQuery.all()).stream().filter(i -> i.title().equals(title)).findFirst()
                .map(Item::id).orElseThrow();
    }

    @Test
    void itemsArePinnedForTheNextEditionAndUnpinned() {
        long evil = itemId(EVIL_TITLE);
        long wire = itemId("Tumour vaccine trial shrinks cancer");
        Browser.Page page = admin.get("/admin/items");
        assertNothingRuns(page);
        Document doc = page.doc();
        assertThat(doc.select("#items tr[data-item] .title").eachText()).contains(EVIL_TITLE,
                "Tumour vaccine trial shrinks cancer");
        assertThat(doc.select("#items a.title").eachAttr("href")).as("only http(s) links are links")
                .noneMatch(href -> href.startsWith("javascript"));
        assertThat(doc.select("#pin-" + wire).text()).isEqualTo("Pin");
        assertThat(doc.select("#pins")).isEmpty();

        Browser.Page pinned = admin.post("/admin/items/" + wire + "/pin", Map.of("topic", "oncology"));

        assertThat(pinned.location()).startsWith("/admin/items?topic=oncology&done=item.pinned");
        assertThat(world.gazette.pinnedItems().current(10)).extracting(p -> p.item().id()).containsExactly(wire);
        Document after = admin.get(pinned.location()).doc();
        assertThat(after.select("#pin-" + wire).text()).isEqualTo("Unpin");
        assertThat(after.select("#items tr[data-item=" + wire + "]").attr("data-pinned")).isEqualTo("true");
        assertThat(after.select("#pins tr[data-item] .title").eachText()).containsExactly("Tumour vaccine trial shrinks cancer");
        assertThat(after.select("#pins").text()).contains("alice");
        admin.post("/admin/items/" + evil + "/pin", Map.of());
        assertNothingRuns(admin.get("/admin/items"));

        admin.post("/admin/items/" + wire + "/unpin", Map.of());

        assertThat(world.gazette.pinnedItems().current(10)).extracting(Pin::item).extracting(Item::id).containsExactly(evil);
        assertThat(admin.get("/admin/items").doc().select("#pin-" + wire).text()).isEqualTo("Pin");
        admin.post("/admin/items/" + wire + "/unpin", Map.of());
        assertThat(admin.post("/admin/items/99999/pin", Map.of()).status()).isEqualTo(404);
        List<AuditEntry> audit = world.gazette.admin().audit().list(AdminWorld.ADMIN, "item", 0, 10);
        assertThat(audit).extracting(AuditEntry::action).as("unpinning what is not pinned records nothing")
                .containsExactly("item.unpin", "item.pin", "item.pin");
        assertThat(audit.get(0).target()).isEqualTo("item " + wire);
        assertThat(audit.get(0).detail()).isEqualTo("Tumour vaccine trial shrinks cancer");
    }

    @Test
    void notesAndItemsAreInKorean() {
        Document notes = admin.get("/admin/notes?lang=ko").doc();
        assertThat(notes.select("h1").text()).isEqualTo("편집자 노트");
        assertThat(notes.select("#note-save-button").text()).isEqualTo("다음 호에 싣기");
        Browser.Page items = admin.get("/admin/items");
        assertThat(items.doc().select("h1").text()).isEqualTo("항목");
        assertThat(items.doc().select("#pin-" + itemId("Tumour vaccine trial shrinks cancer")).text()).isEqualTo("고정");
        assertThat(items.body()).doesNotContain("??");
    }
}
