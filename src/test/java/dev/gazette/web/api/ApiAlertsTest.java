package dev.gazette.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.admin.AuditEntry;
import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import dev.gazette.db.DatabaseKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keyword alerts through the API: add, list with volume, read with matches, change, pause, delete, test a query. */
class ApiAlertsTest {
    private static final String TUMOUR = "Tumour vaccine trial shrinks pancreatic cancer";

    @TempDir
    Path dir;

    private ApiWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.path(field).asText()));
        return texts;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAlertIsAddedListedWithItsVolumeReadWithItsMatchesChangedPausedAndDeleted(DatabaseKind kind) {
        world = new ApiWorld(dir, kind);
        world.importSubscribers(ApiWorld.READERS);
        long jisoo = world.subscriberId("jisoo@example.org");

        ApiClient.Answer created = world.api.post("/api/v1/subscribers/ana@example.org/alerts",
                "{\"query\": \"tumour\", \"frequency\": \"as-it-happens\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode alert = created.json();
        long id = alert.path("id").asLong();
        assertThat(created.header("Location")).contains("/api/v1/alerts/" + id);
        assertThat(alert.path("subscriber").asText()).isEqualTo("ana@example.org");
        assertThat(alert.path("query").asText()).isEqualTo("tumour");
        assertThat(alert.path("frequency").asText()).isEqualTo("INSTANT");
        assertThat(alert.path("paused").asBoolean()).isFalse();
        assertThat(alert.path("volume").path("total").asInt()).isZero();
        ApiClient.Answer byId = world.api.post("/api/v1/subscribers/" + jisoo + "/alerts",
                "{\"query\": \"\\\"heart failure\\\"\", \"frequency\": \"DAILY\"}");
        assertThat(byId.status()).as(byId.toString()).isEqualTo(201);
        long heart = byId.json().path("id").asLong();

        world.collect();

        JsonNode all = world.api.get("/api/v1/alerts").json();
        assertThat(texts(all, "query")).containsExactly("\"heart failure\"", "tumour");
        JsonNode ana = all.get(1);
        assertThat(ana.path("volume").path("lastWeek").asInt()).isEqualTo(1);
        assertThat(ana.path("volume").path("lastMonth").asInt()).isEqualTo(1);
        assertThat(ana.path("volume").path("total").asInt()).isEqualTo(1);
        assertThat(ana.path("volume").path("waiting").asInt()).isEqualTo(1);
        assertThat(ana.path("volume").path("lastMatchedAt").asText()).startsWith("2026-11-28T10:");
        assertThat(texts(world.api.get("/api/v1/alerts?subscriber=JISOO@example.org").json(), "id"))
                .containsExactly(String.valueOf(heart));
        assertThat(world.api.get("/api/v1/alerts?limit=1").json()).hasSize(1);
        ApiClient.Answer nobody = world.api.get("/api/v1/alerts?subscriber=nobody@example.org");
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.message()).isEqualTo("subscriber: there is no subscriber 'nobody@example.org'");

        JsonNode one = world.api.get("/api/v1/alerts/" + id).json();
        assertThat(one.path("query").asText()).isEqualTo("tumour");
        assertThat(texts(one.path("recentMatches"), "title")).containsExactly(TUMOUR);
        JsonNode match = one.path("recentMatches").get(0);
        assertThat(match.path("link").asText()).isEqualTo("https://wire.example.org/tumour");
        assertThat(match.path("source").asText()).isEqualTo("wire");
        assertThat(match.path("kind").asText()).isEqualTo("ARTICLE");
        assertThat(match.path("deliveryId").isNull()).isTrue();

        ApiClient.Answer changed = world.api.patch("/api/v1/alerts/" + id,
                "{\"query\": \"tumour OR lymphoma\", \"frequency\": \"weekly\", \"paused\": true}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("query").asText()).isEqualTo("tumour OR lymphoma");
        assertThat(changed.json().path("frequency").asText()).isEqualTo("WEEKLY");
        assertThat(changed.json().path("paused").asBoolean()).isTrue();
        assertThat(changed.json().path("volume").path("waiting").asInt()).as("pausing drops what waited").isZero();
        Alert stored = world.gazette.alerts().find(id).orElseThrow();
        assertThat(stored.frequency()).isEqualTo(AlertFrequency.WEEKLY);
        assertThat(stored.paused()).isTrue();
        assertThat(world.api.patch("/api/v1/alerts/" + id, "{\"paused\": false}").json().path("paused").asBoolean()).isFalse();

        assertThat(world.api.delete("/api/v1/alerts/" + id).status()).isEqualTo(204);
        assertThat(world.gazette.alerts().find(id)).isEmpty();
        assertThat(world.api.get("/api/v1/alerts/" + id).status()).isEqualTo(404);
        ApiClient.Answer again = world.api.delete("/api/v1/alerts/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.message()).isEqualTo("there is no alert " + id);

        List<AuditEntry> audit = world.gazette.admin().audit().list("token:" + ApiWorld.TOKEN_NAME, "alert", 0, 10);
        assertThat(audit).extracting(AuditEntry::action)
                .containsExactly("alert.delete", "alert.update", "alert.update", "alert.create", "alert.create");
        assertThat(audit.get(2).detail()).isEqualTo("query 'tumour' → 'tumour OR lymphoma'; frequency instant → weekly;"
                + " paused");
        assertThat(audit.get(4).target()).isEqualTo("ana@example.org alert " + id);
    }

    @Test
    void anInvalidQueryIsA400WithItsProblemAndTheLimitIsA409() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        world.importSubscribers(ApiWorld.READERS);

        ApiClient.Answer bad = world.api.post("/api/v1/subscribers/ana@example.org/alerts",
                "{\"query\": \"cancer \\\"phase 2\", \"frequency\": \"daily\"}");
        assertThat(bad.status()).isEqualTo(400);
        JsonNode error = bad.json().path("error");
        assertThat(error.path("message").asText()).isEqualTo("query: column 8: the quote opened here is never closed");
        assertThat(error.path("problem").path("kind").asText()).isEqualTo("UNCLOSED_QUOTE");
        assertThat(error.path("problem").path("column").asInt()).isEqualTo(8);
        assertThat(error.path("problem").has("detail")).isTrue();
        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("query");
        assertThat(world.gazette.alerts().of(world.subscriberId("ana@example.org"))).isEmpty();

        ApiClient.Answer topic = world.api.post("/api/v1/alerts/test", "{\"query\": \"topic:nowhere vaccine\"}");
        assertThat(topic.status()).isEqualTo(400);
        assertThat(topic.json().path("error").path("problem").path("kind").asText()).isEqualTo("UNKNOWN_TOPIC");
        assertThat(topic.json().path("error").path("problem").path("detail").asText()).isEqualTo("nowhere");

        ApiClient.Answer fields = world.api.post("/api/v1/subscribers/ana@example.org/alerts",
                "{\"query\": \"x\", \"frequency\": \"hourly\", \"colour\": \"red\"}");
        assertThat(fields.status()).isEqualTo(400);
        assertThat(texts(fields.json().path("error").path("details"), "field")).containsExactly("frequency", "colour");
        assertThat(world.api.post("/api/v1/subscribers/ana@example.org/alerts", "{\"query\": \"x\"}").message())
                .isEqualTo("frequency: is required: instant, daily or weekly");
        assertThat(world.api.post("/api/v1/subscribers/nobody@example.org/alerts",
                "{\"query\": \"x\", \"frequency\": \"daily\"}").status()).isEqualTo(404);

        int limit = world.gazette.alerts().config().maxPerSubscriber();
        for (int i = 0; i < limit; i++) {
            assertThat(world.api.post("/api/v1/subscribers/ana@example.org/alerts",
                    "{\"query\": \"word" + i + "\", \"frequency\": \"daily\"}").status()).isEqualTo(201);
        }
        ApiClient.Answer tooMany = world.api.post("/api/v1/subscribers/ana@example.org/alerts",
                "{\"query\": \"one more\", \"frequency\": \"daily\"}");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.message()).isEqualTo("ana@example.org has " + limit + " alerts already, the most one subscriber"
                + " can have (alerts.max-per-subscriber); delete or change one instead");
        long first = world.gazette.alerts().of(world.subscriberId("ana@example.org")).get(0).id();
        ApiClient.Answer badChange = world.api.patch("/api/v1/alerts/" + first, "{\"query\": \"(cancer\"}");
        assertThat(badChange.status()).isEqualTo(400);
        assertThat(badChange.json().path("error").path("problem").path("kind").asText()).isEqualTo("UNBALANCED_PARENTHESIS");
        assertThat(world.gazette.alerts().find(first).orElseThrow().query()).isEqualTo("word0");
    }

    @Test
    void testingAQueryAnswersWhatItMatchedWithTheWordsMarkedAndNeedsAToken() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        world.collect();

        ApiClient.Answer answer = world.api.post("/api/v1/alerts/test", "{\"query\": \"tumour OR readmissions\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode test = answer.json();
        assertThat(test.path("window").asText()).isEqualTo("PT720H");
        assertThat(test.path("scanned").asInt()).as("the feed's two items").isEqualTo(2);
        JsonNode matched = test.path("matched");
        assertThat(texts(matched, "title")).containsExactlyInAnyOrder(TUMOUR, "Heart failure drug cuts hospital stays");
        JsonNode tumour = matched.get(texts(matched, "title").indexOf(TUMOUR));
        assertThat(tumour.path("source").asText()).isEqualTo("wire");
        assertThat(tumour.path("link").asText()).isEqualTo("https://wire.example.org/tumour");
        List<String> marked = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        tumour.path("highlights").path("title").forEach(seg -> {
            title.append(seg.path("text").asText());
            if (seg.path("matched").asBoolean()) {
                marked.add(seg.path("text").asText());
            }
        });
        assertThat(marked).containsExactly("Tumour");
        assertThat(title.toString()).isEqualTo(TUMOUR);
        JsonNode heart = matched.get(texts(matched, "title").indexOf("Heart failure drug cuts hospital stays"));
        assertThat(texts(heart.path("highlights").path("summary"), "text")).contains("readmissions");
        assertThat(world.gazette.admin().audit().list("token:" + ApiWorld.TOKEN_NAME, "alert.test", 0, 10)).hasSize(1);

        for (String[] call : List.of(new String[] {"GET", "/api/v1/alerts"}, new String[] {"POST", "/api/v1/alerts/test"},
                new String[] {"GET", "/api/v1/alerts/1"}, new String[] {"PATCH", "/api/v1/alerts/1"},
                new String[] {"DELETE", "/api/v1/alerts/1"}, new String[] {"POST", "/api/v1/subscribers/1/alerts"})) {
            ApiClient.Answer refused = world.api.as(null).send(call[1], call[0], "{\"query\": \"x\"}", "application/json",
                    java.util.Map.of());
            assertThat(refused.status()).as(call[0] + " " + call[1]).isEqualTo(401);
        }
    }
}
