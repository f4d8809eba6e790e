package dev.gazette.web.api;

import static dev.gazette.web.api.ApiSourcesTest.assertError;
import static dev.gazette.web.api.ApiSourcesTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.admin.AuditEntry;
import dev.gazette.config.TopicConfig;
import dev.gazette.db.DatabaseKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topics, items, editor's notes and pinned items through the API, and what the next digest makes of them. */
class ApiEditorialTest {
    @TempDir
    Path dir;

    private ApiWorld world;

    @BeforeEach
    void open() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        world.collect();
        world.importSubscribers(ApiWorld.READERS);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void topicsAreListedWithCountsAndTheirKeywordsReplacedAndReset() {
        JsonNode topics = world.api.get("/api/v1/topics").json();

        assertThat(topics).extracting(t -> t.path("slug").asText())
                .containsExactlyElementsOf(world.gazette.config().topics().stream().map(TopicConfig::slug).toList());
        JsonNode oncology = world.api.get("/api/v1/topics/oncology").json();
        assertThat(oncology.path("items").asInt()).isEqualTo(1);
        assertThat(oncology.path("subscribers").asInt()).isEqualTo(2);
        assertThat(oncology.path("edited").asBoolean()).isFalse();
        assertThat(world.api.get("/api/v1/topics/cardiology").json().path("subscribers").asInt()).isEqualTo(2);

        ApiClient.Answer saved = world.api.put("/api/v1/topics/oncology/keywords",
                "{\"include\": [\"tumour\", \"lymphoma\"], \"exclude\": [\"veterinary\"]}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("include")).extracting(JsonNode::asText).containsExactly("tumour", "lymphoma");
        assertThat(saved.json().path("edited").asBoolean()).isTrue();
        assertThat(saved.json().path("editedBy").asText()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);
        assertThat(world.gazette.topics().effective().stream().filter(t -> t.slug().equals("oncology")).findFirst()
                .orElseThrow().include()).containsExactly("tumour", "lymphoma");

        JsonNode reset = world.api.delete("/api/v1/topics/oncology/keywords").json();
        assertThat(reset.path("edited").asBoolean()).isFalse();
        assertThat(world.gazette.topics().overrides()).isEmpty();
        assertThat(world.gazette.admin().audit().list(null, "topic", 0, 10)).extracting(AuditEntry::action)
                .containsExactly("topic.reset", "topic.keywords");

        assertError(world.api.get("/api/v1/topics/astrology"), 404, "there is no topic 'astrology'");
        assertThat(fields(world.api.put("/api/v1/topics/oncology/keywords", "{\"exclude\": []}")))
                .containsExactly("include");
        assertError(world.api.put("/api/v1/topics/oncology/keywords", "{\"include\": [\"two\\nlines\"]}"), 400,
                "line break");
    }

    @Test
    void aNoteIsWrittenRevisedAndWithdrawnAndShowsInTheNextDigestUntilThen() {
        ApiClient.Answer written = world.api.post("/api/v1/notes",
                "{\"markdown\": \"**Holiday schedule:** no digest next week. <script>alert(1)</script>\"}");

        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        long id = written.json().path("id").asLong();
        assertThat(written.header("Location")).contains("/api/v1/notes/" + id);
        assertThat(written.json().path("html").asText()).contains("<strong>Holiday schedule:</strong>")
                .doesNotContain("<script");
        assertThat(written.json().path("createdBy").asText()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);
        long ana = world.subscriberId("ana@example.org");
        assertThat(world.api.get("/api/v1/subscribers/" + ana + "/preview").json().path("html").asText())
                .contains("Holiday schedule:");

        JsonNode revised = world.api.put("/api/v1/notes/" + id, "{\"markdown\": \"Back on the 5th.\"}").json();
        assertThat(revised.path("markdown").asText()).isEqualTo("Back on the 5th.");
        JsonNode withdrawn = world.api.post("/api/v1/notes/" + id + "/withdraw").json();
        assertThat(withdrawn.path("withdrawn").asBoolean()).isTrue();
        assertThat(withdrawn.path("withdrawnBy").asText()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);
        assertThat(world.api.get("/api/v1/subscribers/" + ana + "/preview").json().path("html").asText())
                .doesNotContain("Back on the 5th.");
        assertThat(world.api.get("/api/v1/notes").json()).extracting(n -> n.path("id").asLong()).containsExactly(id);

        assertError(world.api.put("/api/v1/notes/" + id, "{\"markdown\": \"Again\"}"), 409, "was withdrawn");
        assertError(world.api.put("/api/v1/notes/999", "{\"markdown\": \"Again\"}"), 404, "there is no note 999");
        assertThat(fields(world.api.post("/api/v1/notes", "{\"markdown\": \"  \"}"))).containsExactly("markdown");
        assertThat(fields(world.api.post("/api/v1/notes", "{\"text\": \"hello\"}"))).containsExactlyInAnyOrder(
                "markdown", "text");
        assertThat(world.gazette.admin().audit().list(null, "note", 0, 10)).extracting(AuditEntry::action)
                .containsExactly("note.withdraw", "note.revise", "note.write");
    }

    @Test
    void anItemIsPinnedOnceUnpinnedAndShowsAsFeaturedMeanwhile() {
        JsonNode items = world.api.get("/api/v1/items?source=wire&kind=article&since=2026-11-27").json();
        assertThat(items).extracting(i -> i.path("title").asText())
                .containsExactly("Tumour vaccine trial shrinks pancreatic cancer");
        assertThat(world.api.get("/api/v1/items?topic=cardiology").json()).hasSize(1);
        assertThat(fields(world.api.get("/api/v1/items?since=yesterday"))).containsExactly("since");
        long heart = world.api.get("/api/v1/items?topic=cardiology").json().get(0).path("id").asLong();

        ApiClient.Answer pinned = world.api.put("/api/v1/pins/" + heart);
        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
        assertThat(pinned.json().path("item").path("id").asLong()).isEqualTo(heart);
        assertThat(pinned.json().path("pinnedBy").asText()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);
        assertThat(world.api.put("/api/v1/pins/" + heart).status()).isEqualTo(200);
        assertThat(world.api.get("/api/v1/pins").json()).extracting(p -> p.path("item").path("id").asLong())
                .containsExactly(heart);
        long ana = world.subscriberId("ana@example.org");
        assertThat(world.api.get("/api/v1/subscribers/" + ana + "/preview").json().path("html").asText())
                .contains("Heart failure drug cuts hospital stays");

        assertThat(world.api.delete("/api/v1/pins/" + heart).status()).isEqualTo(204);
        assertThat(world.api.get("/api/v1/pins").json()).isEmpty();
        assertError(world.api.delete("/api/v1/pins/" + heart), 404, "is not pinned");
        assertError(world.api.put("/api/v1/pins/999999"), 404, "there is no item 999999");
        List<AuditEntry> audit = world.gazette.admin().audit().list(null, "item", 0, 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("item.unpin", "item.pin");
    }
}
