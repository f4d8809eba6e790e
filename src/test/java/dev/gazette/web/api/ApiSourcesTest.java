package dev.gazette.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.admin.AuditEntry;
import dev.gazette.db.DatabaseKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources through the API: list with health, add, change, switch, fetch now, try selectors, delete; and refusals. */
class ApiSourcesTest {
    @TempDir
    Path dir;

    private ApiWorld world;

    @BeforeEach
    void open() {
        world = new ApiWorld(dir, DatabaseKind.H2);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void theListShowsEachSourceWithItsOriginHealthAndNextRun() {
        world.collect();

        JsonNode sources = world.api.get("/api/v1/sources").json();

        assertThat(ids(sources)).containsExactly("wire", "broken");
        JsonNode wire = sources.get(0);
        assertThat(wire.path("definition").path("name").asText()).isEqualTo("The Wire");
        assertThat(wire.path("definition").path("type").asText()).isEqualTo("FEED");
        assertThat(wire.path("definition").path("interval").asText()).isEqualTo("PT1H");
        assertThat(wire.path("origin").asText()).isEqualTo("CONFIG");
        assertThat(wire.path("editable").asBoolean()).isFalse();
        assertThat(wire.path("status").path("itemCount").asInt()).isEqualTo(2);
        assertThat(wire.path("status").path("failing").asBoolean()).isFalse();
        assertThat(wire.path("status").path("lastSuccessAt").asText()).startsWith("2026-11-28T10:00");
        assertThat(wire.path("status").has("etag")).isFalse();
        assertThat(wire.path("nextRunAt").asText()).isEqualTo("2026-11-28T10:30:00Z");
        JsonNode broken = world.api.get("/api/v1/sources/broken").json();
        assertThat(broken.path("status").path("failing").asBoolean()).isTrue();
        assertThat(broken.path("status").path("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(broken.path("status").path("lastError").asText()).contains("HTTP 500");
        assertThat(broken.path("nextRunAt").isNull()).isTrue();
        assertError(world.api.get("/api/v1/sources/nope"), 404, "there is no source 'nope'");
    }

    @Test
    void anAddedSourceCanBeFetchedChangedSwitchedAndDeletedAndEachChangeIsAudited() {
        String page = """
                {"id": "news-page", "type": "page", "url": "%s", "interval": "2h", "topics": ["oncology"],
                 "page": {"item": "ul.news li", "title": "h3", "link": "h3 a", "date": "time"}}
                """.formatted(world.site("/news.html"));

        ApiClient.Answer added = world.api.post("/api/v1/sources", page);

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).contains("/api/v1/sources/news-page");
        assertThat(added.json().path("origin").asText()).isEqualTo("ADMIN");
        assertThat(added.json().path("editable").asBoolean()).isTrue();
        assertThat(added.json().path("definition").path("name").asText()).isEqualTo("news-page");
        assertThat(added.json().path("definition").path("interval").asText()).isEqualTo("PT2H");
        assertThat(added.json().path("definition").path("page").path("itemKind").asText()).isEqualTo("ARTICLE");
        assertThat(ids(world.api.get("/api/v1/sources").json())).containsExactly("wire", "broken", "news-page");

        JsonNode fetched = world.api.post("/api/v1/sources/news-page/fetch").json();
        assertThat(fetched.path("status").asText()).isEqualTo("COLLECTED");
        assertThat(fetched.path("created").asInt()).isEqualTo(2);
        assertThat(world.api.get("/api/v1/items?source=news-page").json()).extracting(i -> i.path("title").asText())
                .containsExactlyInAnyOrder("Oncology board meets", "Cardiology award announced");

        // what a GET gives can be sent back changed
        JsonNode definition = world.api.get("/api/v1/sources/news-page").json().path("definition");
        ((com.fasterxml.jackson.databind.node.ObjectNode) definition).put("name", "News page");
        ApiClient.Answer changed = world.api.put("/api/v1/sources/news-page", definition.toString());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("definition").path("name").asText()).isEqualTo("News page");

        assertThat(world.api.post("/api/v1/sources/news-page/disable").json().path("definition").path("enabled")
                .asBoolean()).isFalse();
        assertThat(world.gazette.source("news-page").orElseThrow().enabled()).isFalse();
        assertThat(world.api.post("/api/v1/sources/news-page/enable").json().path("definition").path("enabled")
                .asBoolean()).isTrue();

        ApiClient.Answer deleted = world.api.delete("/api/v1/sources/news-page");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.bytes()).isEmpty();
        assertThat(world.gazette.source("news-page")).isEmpty();
        assertError(world.api.delete("/api/v1/sources/news-page"), 404, "there is no source 'news-page'");

        List<AuditEntry> audit = world.gazette.admin().audit().list("token:" + ApiWorld.TOKEN_NAME, "source", 0, 20);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("source.delete", "source.enable",
                "source.disable", "source.update", "source.fetch", "source.add");
        assertThat(audit).extracting(AuditEntry::target).containsOnly("news-page");
        assertThat(world.gazette.sourceCatalog().list()).filteredOn(s -> s.definition().id().equals("news-page"))
                .isEmpty();
    }

    @Test
    void theConfigurationFilesSourcesCanOnlyBeSwitched() {
        String wire = "{\"type\": \"feed\", \"url\": \"https://wire.example.org/feed\"}";

        assertError(world.api.put("/api/v1/sources/wire", wire), 409, "configuration file");
        assertError(world.api.delete("/api/v1/sources/wire"), 409, "configuration file");
        assertError(world.api.post("/api/v1/sources", "{\"id\": \"wire\", \"type\": \"feed\", \"url\": "
                + "\"https://example.org/x.rss\"}"), 409, "configuration file");

        assertThat(world.api.post("/api/v1/sources/wire/disable").status()).isEqualTo(200);
        JsonNode wireNow = world.api.get("/api/v1/sources/wire").json();
        assertThat(wireNow.path("switched").asBoolean()).isTrue();
        assertThat(wireNow.path("changedBy").asText()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);
        assertThat(world.gazette.source("wire").orElseThrow().enabled()).isFalse();
        assertThat(world.api.post("/api/v1/sources/wire/fetch").json().path("status").asText()).isEqualTo("DISABLED");
        assertError(world.api.post("/api/v1/sources/nope/fetch"), 404, "there is no source 'nope'");
        assertError(world.api.post("/api/v1/sources/nope/enable"), 404, "there is no source 'nope'");
    }

    @Test
    void aBadDefinitionIsRefusedWithEveryFieldsProblemAndNothingIsStored() {
        String bad = """
                {"id": "Bad Id", "type": "rss", "url": "file:/etc/passwd", "interval": "soon", "topics": ["nope", 3],
                 "colour": "blue"}
                """;

        ApiClient.Answer answer = world.api.post("/api/v1/sources", bad);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("type", "interval", "topics[1]", "colour");
        assertThat(answer.message()).contains("4 fields are not right");

        String parseable = """
                {"id": "Bad Id", "type": "page", "url": "file:/etc/passwd", "topics": ["nope"],
                 "page": {"item": "li", "timeZone": "Mars/Olympus"}}
                """;
        ApiClient.Answer invalid = world.api.post("/api/v1/sources", parseable);
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("id", "url", "topics", "page.title", "page.timeZone");
        assertThat(problem(invalid, "url")).contains("must start with http: or https:");
        assertThat(world.gazette.sourceCatalog().list()).hasSize(2);

        assertError(world.api.post("/api/v1/sources", "{\"id\": "), 400, "not JSON");
        assertError(world.api.post("/api/v1/sources", "[1, 2]"), 400, "must be a JSON object");
        assertError(world.api.post("/api/v1/sources", ""), 400, "empty");
        assertError(world.api.send("/api/v1/sources", "POST", "id=x", "application/x-www-form-urlencoded",
                java.util.Map.of()), 415, "application/json");
        assertError(world.api.send("/api/v1/sources", "POST", "{\"id\": \"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}",
                "application/json", java.util.Map.of()), 413, "larger than 1 MiB");
        assertError(world.api.put("/api/v1/sources/nope", "{\"type\": \"feed\", \"url\": \"https://example.org/\"}"),
                404, "there is no source 'nope'");
    }

    @Test
    void selectorsAreTriedBeforeSavingAndSaveNothing() {
        String test = """
                {"url": "%s", "page": {"item": "ul.news li", "title": "h3", "link": "h3 a", "date": "time",
                 "summary": "p.none"}, "limit": 1}
                """.formatted(world.site("/news.html"));

        JsonNode result = world.api.post("/api/v1/sources/test-selectors", test).json();

        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("matched").asInt()).isEqualTo(2);
        assertThat(result.path("items")).hasSize(1);
        assertThat(result.path("items").get(0).path("title").asText()).isEqualTo("Oncology board meets");
        assertThat(result.path("items").get(0).path("link").asText()).isEqualTo(world.site("/a"));
        assertThat(result.path("items").get(0).path("date").asText()).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(result.path("warnings").toString()).contains("summary");

        JsonNode nothing = world.api.post("/api/v1/sources/test-selectors", """
                {"url": "%s", "page": {"item": "ol.none li", "title": "h3"}}
                """.formatted(world.site("/news.html"))).json();
        assertThat(nothing.path("ok").asBoolean()).isFalse();
        assertThat(nothing.path("errors").toString()).contains("ol.none li");
        assertThat(world.gazette.sourceCatalog().list()).hasSize(2);
        ApiClient.Answer missing = world.api.post("/api/v1/sources/test-selectors", "{\"url\": \"https://example.org/\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("page");
    }

    static List<String> ids(JsonNode sources) {
        List<String> ids = new ArrayList<>();
        sources.forEach(s -> ids.add(s.path("definition").path("id").asText()));
        return ids;
    }

    static List<String> fields(ApiClient.Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("error").path("details").forEach(d -> fields.add(d.path("field").asText()));
        return fields;
    }

    static String problem(ApiClient.Answer answer, String field) {
        for (JsonNode d : answer.json().path("error").path("details")) {
            if (d.path("field").asText().equals(field)) {
                return d.path("problem").asText();
            }
        }
        throw new AssertionError("no problem with " + field + " in " + answer);
    }

    static void assertError(ApiClient.Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.json().path("error").path("status").asInt()).isEqualTo(status);
        assertThat(answer.message()).contains(message);
        assertThat(answer.body()).doesNotContain("at dev.gazette", "Exception");
    }
}
