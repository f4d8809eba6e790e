package dev.gazette.web.api;

import static dev.gazette.web.api.ApiSourcesTest.assertError;
import static dev.gazette.web.api.ApiSourcesTest.fields;
import static dev.gazette.web.api.ApiSourcesTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.admin.AuditEntry;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Subscribers through the API: add, read, search, change, unsubscribe, delete, import, export and preview. */
class ApiSubscribersTest {
    @TempDir
    Path dir;

    private ApiWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSubscriberIsAddedReadChangedUnsubscribedAndDeleted(DatabaseKind kind) {
        world = new ApiWorld(dir, kind);

        ApiClient.Answer created = world.api.post("/api/v1/subscribers", """
                {"email": "Ann@Example.org", "name": "Ann Lee", "topics": ["oncology", "cardiology"],
                 "frequency": "weekly", "timeZone": "Asia/Seoul", "locale": "ko-KR", "sendDay": "friday", "sendHour": 7}
                """);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode ann = created.json();
        long id = ann.path("id").asLong();
        assertThat(created.header("Location")).contains("/api/v1/subscribers/" + id);
        assertThat(ann.path("email").asText()).isEqualTo("Ann@Example.org");
        assertThat(ann.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(ann.path("topics")).extracting(JsonNode::asText).containsExactly("cardiology", "oncology");
        assertThat(ann.path("timeZone").asText()).isEqualTo("Asia/Seoul");
        assertThat(ann.path("locale").asText()).isEqualTo("ko-KR");
        assertThat(ann.path("sendDay").asText()).isEqualTo("FRIDAY");
        assertThat(ann.path("receivesDigests").asBoolean()).isTrue();
        assertThat(ann.has("tokenVersion")).isFalse();
        assertThat(ann.path("createdAt").asText()).startsWith("2026-11-28T10:");
        assertThat(ann.path("confirmedAt").asText()).startsWith("2026-11-28T10:");
        assertThat(world.smtp.getReceivedMessages()).as("no confirmation email: the admin vouches").isEmpty();
        assertThat(world.api.get("/api/v1/subscribers/" + id).json()).isEqualTo(ann);

        assertError(world.api.post("/api/v1/subscribers", "{\"email\": \"ann@example.org\", \"frequency\": \"daily\"}"),
                409, "already (id " + id + ")");

        ApiClient.Answer changed = world.api.patch("/api/v1/subscribers/" + id,
                "{\"frequency\": \"DAILY\", \"sendHour\": 18, \"topics\": [\"oncology\"], \"email\": \"ann@example.org\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        Subscriber stored = world.gazette.subscribers().find(id).orElseThrow();
        assertThat(stored.frequency()).isEqualTo(Frequency.DAILY);
        assertThat(stored.sendHour()).isEqualTo(18);
        assertThat(stored.sendDay()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(stored.topics()).containsExactly("oncology");
        assertThat(stored.name()).isEqualTo("Ann Lee");
        assertThat(changed.json().path("frequency").asText()).isEqualTo("DAILY");

        ApiClient.Answer unsubscribed = world.api.post("/api/v1/subscribers/" + id + "/unsubscribe");
        assertThat(unsubscribed.json().path("status").asText()).isEqualTo("UNSUBSCRIBED");
        assertThat(world.api.post("/api/v1/subscribers/" + id + "/unsubscribe").status()).isEqualTo(200);
        assertThat(world.api.patch("/api/v1/subscribers/" + id, "{\"status\": \"active\"}").json().path("status")
                .asText()).isEqualTo("ACTIVE");

        assertThat(world.api.delete("/api/v1/subscribers/" + id).status()).isEqualTo(204);
        assertThat(world.gazette.subscribers().find(id)).isEmpty();
        assertError(world.api.get("/api/v1/subscribers/" + id), 404, "there is no subscriber " + id);
        assertError(world.api.delete("/api/v1/subscribers/" + id), 404, "there is no subscriber " + id);
        assertError(world.api.get("/api/v1/subscribers/abc"), 404, "there is no subscriber 'abc'");

        List<AuditEntry> audit = world.gazette.admin().audit().list("token:" + ApiWorld.TOKEN_NAME, "subscriber", 0, 20);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("subscriber.delete", "subscriber.update",
                "subscriber.unsubscribe", "subscriber.update", "subscriber.create");
        assertThat(audit.get(3).detail()).contains("frequency 'WEEKLY' → 'DAILY'", "send hour '7' → '18'");
        assertThat(audit.get(1).detail()).isEqualTo("status 'UNSUBSCRIBED' → 'ACTIVE'");
    }

    @Test
    void badFieldsAreEachNamedAndNothingIsStored() {
        world = new ApiWorld(dir, DatabaseKind.H2);

        ApiClient.Answer answer = world.api.post("/api/v1/subscribers", """
                {"email": "not an address", "name": "two\\nlines", "topics": ["oncology", "astrology"],
                 "frequency": "hourly", "timeZone": "Mars/Olympus", "locale": "", "sendDay": "someday",
                 "sendHour": 24, "status": "active"}
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("email", "name", "topics", "frequency", "timeZone",
                "locale", "sendDay", "sendHour", "status");
        assertThat(problem(answer, "topics")).contains("unknown topic 'astrology'");
        assertThat(problem(answer, "frequency")).contains("'hourly' is not one of daily, weekly, paused");
        assertThat(problem(answer, "status")).isEqualTo("is not a field of this request");
        assertThat(world.gazette.subscribers().countByStatus().values()).containsOnly(0);
        ApiClient.Answer missing = world.api.post("/api/v1/subscribers", "{\"name\": \"Nobody\"}");
        assertThat(fields(missing)).containsExactlyInAnyOrder("email", "frequency");

        world.importSubscribers(ApiWorld.READERS);
        long ana = world.subscriberId("ana@example.org");
        ApiClient.Answer rename = world.api.patch("/api/v1/subscribers/" + ana, "{\"email\": \"other@example.org\"}");
        assertThat(fields(rename)).containsExactly("email");
        ApiClient.Answer badHour = world.api.patch("/api/v1/subscribers/" + ana, "{\"sendHour\": \"7\"}");
        assertThat(problem(badHour, "sendHour")).isEqualTo("must be a whole number");
        assertThat(world.gazette.subscribers().find(ana).orElseThrow().email()).isEqualTo("ana@example.org");
    }

    @Test
    void theListIsSearchedFilteredAndPaged() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        world.importSubscribers(ApiWorld.READERS);
        world.gazette.subscribers().unsubscribe(world.subscriberId("cy@example.org"));

        assertThat(emails(world.api.get("/api/v1/subscribers").json())).containsExactly("ana@example.org",
                "jisoo@example.org", "cy@example.org");
        assertThat(emails(world.api.get("/api/v1/subscribers?q=RUIZ").json())).containsExactly("ana@example.org");
        assertThat(emails(world.api.get("/api/v1/subscribers?topic=cardiology").json()))
                .containsExactly("jisoo@example.org", "cy@example.org");
        assertThat(emails(world.api.get("/api/v1/subscribers?status=unsubscribed").json()))
                .containsExactly("cy@example.org");

        JsonNode first = world.api.get("/api/v1/subscribers?limit=2").json();
        assertThat(emails(first)).containsExactly("ana@example.org", "jisoo@example.org");
        long next = first.path("nextAfter").asLong();
        JsonNode second = world.api.get("/api/v1/subscribers?limit=2&after=" + next).json();
        assertThat(emails(second)).containsExactly("cy@example.org");
        assertThat(second.path("nextAfter").isNull()).isTrue();

        assertThat(fields(world.api.get("/api/v1/subscribers?status=gone"))).containsExactly("status");
        assertThat(fields(world.api.get("/api/v1/subscribers?topic=astrology"))).containsExactly("topic");
        assertThat(fields(world.api.get("/api/v1/subscribers?limit=0"))).containsExactly("limit");
        assertThat(fields(world.api.get("/api/v1/subscribers?after=-1"))).containsExactly("after");
    }

    @Test
    void aCsvImportAnswersWithThePerRowReportAndAnExportGivesTheFileBack() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        String csv = """
                email,name,topics,frequency,timezone,locale
                ana@example.org,Ana Ruiz,oncology,weekly,Europe/Berlin,en
                not-an-address,Bad Row,oncology,weekly,UTC,en
                bo@example.org,Bo Berg,astrology,weekly,UTC,en
                cy@example.org,"Cy Tane",oncology;cardiology,daily,UTC,en
                """;

        ApiClient.Answer answer = world.api.send("/api/v1/subscribers/import?name=october.csv", "POST", csv,
                "text/csv; charset=utf-8", Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.path("file").asText()).isEqualTo("october.csv");
        assertThat(report.path("added").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(2);
        assertThat(report.path("clean").asBoolean()).isFalse();
        assertThat(report.path("problems")).extracting(p -> p.path("line").asInt()).containsExactly(3, 4);
        assertThat(report.path("problems").get(1).path("email").asText()).isEqualTo("bo@example.org");
        assertThat(report.path("problems").get(1).path("reason").asText()).contains("astrology");
        assertThat(world.gazette.subscribers().findByEmail("cy@example.org")).isPresent();
        AuditEntry entry = world.gazette.admin().audit().list(null, "subscribers.import", 0, 1).get(0);
        assertThat(entry.actor()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);
        assertThat(entry.detail()).isEqualTo("october.csv: 2 new, 0 updated, 0 unchanged, 0 skipped (unsubscribed or bounced), 2 rejected");

        ApiClient.Answer again = world.api.send("/api/v1/subscribers/import", "POST", csv, "text/csv", Map.of());
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.json().path("file").asText()).isEqualTo("upload.csv");

        ApiClient.Answer export = world.api.get("/api/v1/subscribers/export?topic=cardiology");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(export.body().lines()).hasSize(2);
        assertThat(export.body()).startsWith("email,name,topics,frequency,timezone,locale,send_day,send_hour,status")
                .contains("cy@example.org,Cy Tane,cardiology;oncology,daily,UTC,en");
        assertThat(world.gazette.admin().audit().list(null, "subscribers.export", 0, 1).get(0).target())
                .isEqualTo("topic cardiology");
    }

    @Test
    void anImportOfTheWrongTypeTooLargeOrNotUtf8IsRefusedAndImportsNothing() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        String csv = "email,name,topics,frequency,timezone,locale\nana@example.org,Ana,oncology,weekly,UTC,en\n";

        assertError(world.api.send("/api/v1/subscribers/import", "POST", csv, "application/json", Map.of()), 415,
                "Content-Type: text/csv");
        assertError(world.api.send("/api/v1/subscribers/import", "POST", csv, null, Map.of()), 415, "none was given");
        byte[] large = (csv + "x".repeat(SubscriberEndpoints.MAX_CSV_BYTES)).getBytes(StandardCharsets.UTF_8);
        assertError(world.api.send("/api/v1/subscribers/import", "POST", large, "text/csv", Map.of()), 413, "5 MiB");
        byte[] latin1 = (csv + "bo@example.org,Jörg,oncology,weekly,UTC,de\n").getBytes(StandardCharsets.ISO_8859_1);
        ApiClient.Answer notUtf8 = world.api.send("/api/v1/subscribers/import", "POST", latin1, "text/csv", Map.of());
        assertError(notUtf8, 400, "is not UTF-8 text (line 3)");
        assertError(world.api.send("/api/v1/subscribers/import", "POST", "", "text/csv", Map.of()), 400, "empty");
        assertError(world.api.send("/api/v1/subscribers/import", "POST", "name,email\nx,y\n", "text/csv", Map.of()),
                400, "not imported");
        assertThat(world.gazette.subscribers().countByStatus().values()).containsOnly(0);

        // more than the web server's default request size (1 MB), less than the import's 5 MiB
        String padded = csv + "\n".repeat(3 * 1024 * 1024);
        ApiClient.Answer big = world.api.send("/api/v1/subscribers/import", "POST", padded, "text/csv", Map.of());
        assertThat(big.status()).as(big.toString()).isEqualTo(200);
        assertThat(big.json().path("added").asInt()).isEqualTo(1);
    }

    @Test
    void aPreviewIsTheNextDigestAsItWouldBeSentAndSendsNothing() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        world.collect();
        world.importSubscribers(ApiWorld.READERS);
        long ana = world.subscriberId("ana@example.org");

        JsonNode preview = world.api.get("/api/v1/subscribers/" + ana + "/preview").json();

        assertThat(preview.path("email").asText()).isEqualTo("ana@example.org");
        assertThat(preview.path("subject").asText()).isNotBlank();
        assertThat(preview.path("html").asText()).contains("<html", "Tumour vaccine trial shrinks pancreatic cancer")
                .doesNotContain("Heart failure drug");
        assertThat(preview.path("text").asText()).contains("Tumour vaccine trial shrinks pancreatic cancer");
        assertThat(preview.path("articleCount").asInt()).isEqualTo(1);
        assertThat(preview.path("articlesByTopic").path("oncology").asInt()).isEqualTo(1);
        assertThat(world.smtp.getReceivedMessages()).isEmpty();
        assertThat(world.gazette.digests().ledger().list(null, null, 10)).isEmpty();
        assertError(world.api.get("/api/v1/subscribers/999999/preview"), 404, "there is no subscriber 999999");
        assertThat(world.gazette.subscribers().find(ana).orElseThrow().status()).isEqualTo(SubscriberStatus.ACTIVE);
    }

    private static List<String> emails(JsonNode page) {
        List<String> emails = new ArrayList<>();
        page.path("subscribers").forEach(s -> emails.add(s.path("email").asText()));
        return emails;
    }
}
