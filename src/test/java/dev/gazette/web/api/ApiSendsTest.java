package dev.gazette.web.api;

import static dev.gazette.web.api.ApiSourcesTest.assertError;
import static dev.gazette.web.api.ApiSourcesTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.admin.AuditEntry;
import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.delivery.SendProgress;
import dev.gazette.testing.ScriptedSmtpServer;
import dev.gazette.testing.ScriptedSmtpServer.Fault;
import dev.gazette.testing.ScriptedSmtpServer.Stage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Manual sends through the API against a real SMTP server (GreenMail): a dry run, a start under an
 * {@code Idempotency-Key} that sends once however often it is repeated, progress, the list of sends, and the
 * deliveries they made.
 */
class ApiSendsTest {
    private static final String ONCOLOGY = "{\"audience\": \"topic\", \"topic\": \"oncology\"}";

    @TempDir
    Path dir;

    private ApiWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private void readers(DatabaseKind kind) {
        world = new ApiWorld(dir, kind);
        world.collect();
        assertThat(world.importSubscribers(ApiWorld.READERS).rejected()).isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSameIdempotencyKeyTwiceIsTheSameSendAndMailsEachSubscriberOnce(DatabaseKind kind) throws Exception {
        readers(kind);
        JsonNode count = world.api.post("/api/v1/sends/dry-run", ONCOLOGY).json();
        assertThat(count.path("wouldSend").asInt()).isEqualTo(2);
        assertThat(count.path("total").asInt()).isEqualTo(2);
        assertThat(world.smtp.getReceivedMessages()).isEmpty();

        Map<String, String> key = Map.of("Idempotency-Key", "5d0e8a0c-oncology-1");
        ApiClient.Answer first = world.api.send("/api/v1/sends", "POST", ONCOLOGY, "application/json", key);
        ApiClient.Answer second = world.api.send("/api/v1/sends", "POST", ONCOLOGY, "application/json", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(second.status()).as(second.toString()).isEqualTo(202);
        long id = first.json().path("job").path("id").asLong();
        assertThat(second.json().path("job").path("id").asLong()).isEqualTo(id);
        assertThat(first.header("Location")).contains("/api/v1/sends/" + id);
        assertThat(first.json().path("job").path("requestKey").asText()).isEqualTo("api:5d0e8a0c-oncology-1");
        assertThat(first.json().path("job").path("createdBy").asText()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);

        JsonNode progress = awaitFinished(id);
        assertThat(progress.path("job").path("status").asText()).isEqualTo("DONE");
        assertThat(progress.path("sent").asInt()).isEqualTo(2);
        assertThat(progress.path("remaining").asInt()).isZero();
        ApiClient.Answer third = world.api.send("/api/v1/sends", "POST", ONCOLOGY, "application/json", key);
        assertThat(third.json().path("job").path("id").asLong()).isEqualTo(id);
        Thread.sleep(300); // a second send, had there been one, would have mailed by now
        assertThat(mailsByRecipient()).isEqualTo(Map.of("ana@example.org", 1L, "cy@example.org", 1L));

        JsonNode sends = world.api.get("/api/v1/sends").json();
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).path("id").asLong()).isEqualTo(id);
        JsonNode deliveries = world.api.get("/api/v1/deliveries?job=" + id).json();
        assertThat(deliveries).extracting(d -> d.path("recipient").asText())
                .containsExactlyInAnyOrder("ana@example.org", "cy@example.org");
        assertThat(deliveries).extracting(d -> d.path("status").asText()).containsOnly("SENT");
        assertThat(deliveries.get(0).path("sentAt").asText()).matches("2026-11-28T10:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(world.api.post("/api/v1/sends/dry-run", ONCOLOGY).json().path("alreadyHad").asInt()).isEqualTo(2);

        List<AuditEntry> audit = world.gazette.admin().audit().list("token:" + ApiWorld.TOKEN_NAME, "send", 0, 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("send.dry-run", "send.start", "send.dry-run");
        assertThat(audit.get(1).detail()).isEqualTo("send " + id);
    }

    @Test
    void aKeyUsedForAnotherSendIsAConflictAndAMissingKeyOrBadRequestIsRefused() {
        readers(DatabaseKind.H2);
        Map<String, String> key = Map.of("Idempotency-Key", "k-1");
        assertThat(world.api.send("/api/v1/sends", "POST", ONCOLOGY, "application/json", key).status()).isEqualTo(202);

        assertError(world.api.send("/api/v1/sends", "POST", "{\"audience\": \"active\"}", "application/json", key),
                409, "request key 'api:k-1' was used for send");
        ApiClient.Answer noKey = world.api.post("/api/v1/sends", ONCOLOGY);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(fields(noKey)).containsExactly("Idempotency-Key");
        assertThat(fields(world.api.send("/api/v1/sends", "POST", ONCOLOGY, "application/json",
                Map.of("Idempotency-Key", "x".repeat(SendEndpoints.MAX_KEY_LENGTH + 1))))).containsExactly("Idempotency-Key");
        assertError(world.api.send("/api/v1/sends", "POST", "{\"audience\": \"topic\", \"topic\": \"astrology\"}",
                "application/json", Map.of("Idempotency-Key", "k-2")), 400, "there is no topic 'astrology'");
        assertError(world.api.post("/api/v1/sends/dry-run", "{\"audience\": \"test\", \"testAddress\": "
                + "\"editor@example.org\"}"), 400, "needs the subscriber");
        ApiClient.Answer noAudience = world.api.post("/api/v1/sends/dry-run", "{\"topic\": \"oncology\"}");
        assertThat(fields(noAudience)).containsExactly("audience");
        assertError(world.api.get("/api/v1/sends/4242"), 404, "there is no send 4242");
        assertThat(world.gazette.sendJobs().findByRequestKey("api:k-2")).isEmpty();
    }

    @Test
    void aTestSendGoesToTheTestAddressOnly() throws Exception {
        readers(DatabaseKind.H2);
        long ana = world.subscriberId("ana@example.org");

        ApiClient.Answer started = world.api.send("/api/v1/sends", "POST",
                "{\"audience\": \"test\", \"subscriberId\": " + ana + ", \"testAddress\": \"editor@example.org\"}",
                "application/json", Map.of("Idempotency-Key", "test-1"));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode progress = awaitFinished(started.json().path("job").path("id").asLong());
        assertThat(progress.path("sent").asInt()).isEqualTo(1);
        assertThat(mailsByRecipient()).isEqualTo(Map.of("editor@example.org", 1L));
        assertThat(world.api.get("/api/v1/deliveries?subscriber=ana@example.org").json())
                .extracting(d -> d.path("kind").asText()).containsExactly("TEST");
    }

    @Test
    void theLedgerIsFilteredWithEachFailuresReplyAndRetryFailedSendsThemAgain() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start()) {
            world = new ApiWorld(dir, DatabaseKind.H2, smtp.port());
            world.collect();
            world.importSubscribers(ApiWorld.READERS);
            smtp.failFor("jisoo@example.org", Fault.reply(Stage.END_OF_DATA, 554, "5.7.1 Message refused as spam"));
            world.gazette.digests().sendNow(null, 100, SendProgress.NONE);
            long jisoo = world.subscriberId("jisoo@example.org");

            assertThat(world.api.get("/api/v1/deliveries").json()).hasSize(3);
            assertThat(world.api.get("/api/v1/deliveries?status=sent&subscriber=cy@example.org").json()).hasSize(1);
            JsonNode failed = world.api.get("/api/v1/deliveries?status=FAILED").json();
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).path("subscriberId").asLong()).isEqualTo(jisoo);
            assertThat(failed.get(0).path("lastError").asText()).contains("554", "5.7.1 Message refused as spam");
            assertThat(fields(world.api.get("/api/v1/deliveries?status=lost"))).containsExactly("status");
            assertThat(fields(world.api.get("/api/v1/deliveries?subscriber=nobody@example.org")))
                    .containsExactly("subscriber");
            assertThat(fields(world.api.get("/api/v1/deliveries?subscriber=1&job=1"))).containsExactly("job");
            assertThat(fields(world.api.post("/api/v1/deliveries/retry", "{\"subscriber\": true}")))
                    .containsExactly("subscriber");
            assertThat(world.api.post("/api/v1/deliveries/retry", "{\"subscriber\": \"ana@example.org\"}").json()
                    .path("queued").asInt()).isZero();

            ApiClient.Answer retried = world.api.post("/api/v1/deliveries/retry", "{\"subscriber\": " + jisoo + "}");

            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            assertThat(retried.json().path("queued").asInt()).isEqualTo(1);
            assertThat(retried.json().path("subscriber").asText()).isEqualTo("jisoo@example.org");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!world.gazette.digests().ledger().list(DeliveryStatus.SENT, jisoo, 1).iterator().hasNext()
                    && System.nanoTime() < deadline) {
                Thread.sleep(25);
            }
            assertThat(world.api.get("/api/v1/deliveries?subscriber=" + jisoo).json())
                    .extracting(d -> d.path("status").asText()).containsExactly("SENT");
            assertThat(smtp.messages()).filteredOn(m -> m.recipients().contains("jisoo@example.org")
                    && m.outcome() == ScriptedSmtpServer.Outcome.ACCEPTED).hasSize(1);
            AuditEntry entry = world.gazette.admin().audit().list(null, "deliveries.retry", 0, 1).get(0);
            assertThat(entry.actor()).isEqualTo("token:" + ApiWorld.TOKEN_NAME);
            assertThat(entry.target()).isEqualTo("jisoo@example.org");
            assertThat(entry.detail()).isEqualTo("1 failed deliveries queued again");
        }
    }

    private JsonNode awaitFinished(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode progress = world.api.get("/api/v1/sends/" + id).json();
        while (!progress.path("finished").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            progress = world.api.get("/api/v1/sends/" + id).json();
        }
        assertThat(progress.path("finished").asBoolean()).as(progress.toString()).isTrue();
        return progress;
    }

    private Map<String, Long> mailsByRecipient() {
        return Arrays.stream(world.smtp.getReceivedMessages()).collect(Collectors.groupingBy(ApiSendsTest::recipient,
                Collectors.counting()));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString().replaceAll(".*<(.*)>", "$1");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
