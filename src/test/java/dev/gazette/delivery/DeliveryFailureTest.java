package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.testing.ScriptedSmtpServer;
import dev.gazette.testing.ScriptedSmtpServer.Fault;
import dev.gazette.testing.ScriptedSmtpServer.Outcome;
import dev.gazette.testing.ScriptedSmtpServer.Received;
import dev.gazette.testing.ScriptedSmtpServer.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What happens when the SMTP server says no, or the sender dies mid-run, against a scripted SMTP server that
 * answers 4xx and 5xx and stalls on cue (GreenMail cannot).
 */
class DeliveryFailureTest {
    @TempDir
    Path dir;

    private ScriptedSmtpServer smtp;

    @BeforeEach
    void start() {
        smtp = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private DigestWorld world(int connections, String extra) {
        DigestWorld world = new DigestWorld(dir, DatabaseKind.H2, smtp.host(), smtp.port(), connections, extra);
        world.gazette.collectNow();
        world.clock.advance(Duration.ofMinutes(1));
        return world;
    }

    private static Map<String, Long> accepted(List<Received> messages) {
        return messages.stream().filter(m -> m.outcome() == Outcome.ACCEPTED)
                .collect(Collectors.groupingBy(m -> m.recipients().get(0), Collectors.counting()));
    }

    @Test
    void aTemporaryRefusalIsRetriedAndDeliveredOnce() throws Exception {
        smtp.failFor("ana@example.org", Fault.reply(Stage.RCPT, 451, "4.3.0 mailbox busy, try again later"),
                Fault.reply(Stage.END_OF_DATA, 421, "4.4.2 closing connection"));
        try (DigestWorld world = world(2, "")) {
            world.importSubscribers(DigestWorld.SUBSCRIBERS);

            SendReport report = world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);

            assertThat(report.sent()).as("ana, jisoo and cy").isEqualTo(3);
            assertThat(report.failed()).isZero();
            assertThat(accepted(smtp.messages())).containsEntry("ana@example.org", 1L).containsEntry("jisoo@example.org", 1L);
            Delivery ana = world.gazette.digests().ledger().find(world.subscriberId("ana@example.org"), "weekly:2026-11-23")
                    .orElseThrow();
            assertThat(ana.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(ana.attempts()).isEqualTo(3);
        }
    }

    @Test
    void aRecipientRefusedForGoodIsFailedWithTheRepliesTextAndMarkedBounced() throws Exception {
        smtp.failFor("jisoo@example.org", Fault.reply(Stage.RCPT, 550, "5.1.1 <jisoo@example.org>: no such user"));
        try (DigestWorld world = world(2, "")) {
            world.importSubscribers(DigestWorld.SUBSCRIBERS);

            SendReport report = world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);

            assertThat(report.sent()).as("ana and cy").isEqualTo(2);
            assertThat(report.failed()).isEqualTo(1);
            Delivery jisoo = world.gazette.digests().ledger()
                    .find(world.subscriberId("jisoo@example.org"), "weekly:2026-11-23").orElseThrow();
            assertThat(jisoo.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(jisoo.attempts()).isEqualTo(1);
            assertThat(jisoo.lastError()).contains("550", "no such user");
            assertThat(world.gazette.subscribers().findByEmail("jisoo@example.org").orElseThrow().status())
                    .isEqualTo(SubscriberStatus.BOUNCED);

            // the next week's digest goes to everyone else, not to the bounced address
            world.clock.advance(Duration.ofDays(7));
            world.gazette.collectNow();
            world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);
            assertThat(smtp.received()).filteredOn(m -> m.recipients().contains("jisoo@example.org")).isEmpty();
        }
    }

    @Test
    void aServerThatKeepsSayingLaterIsGivenUpAfterTheLastAttempt() throws Exception {
        Fault later = Fault.reply(Stage.RCPT, 452, "4.3.1 insufficient system storage");
        smtp.failFor("ana@example.org", later, later, later, later, later);
        try (DigestWorld world = world(1, "")) {
            world.importSubscribers(DigestWorld.SUBSCRIBERS);

            SendReport report = world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);

            assertThat(report.failed()).isEqualTo(1);
            Delivery ana = world.gazette.digests().ledger().find(world.subscriberId("ana@example.org"), "weekly:2026-11-23")
                    .orElseThrow();
            assertThat(ana.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(ana.attempts()).isEqualTo(5);
            assertThat(ana.lastError()).startsWith("gave up after 5 attempts:").contains("452");
            assertThat(world.gazette.subscribers().findByEmail("ana@example.org").orElseThrow().status())
                    .as("a full mailbox is no bounce").isEqualTo(SubscriberStatus.ACTIVE);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSenderThatDiesMidRunIsResumedAfterARestartWithoutSkippingOrRepeatingAnyone(DatabaseKind kind)
            throws Exception {
        StringBuilder csv = new StringBuilder("email,name,topics,frequency,timezone,locale\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("reader").append(i).append("@example.org,Reader ").append(i).append(",oncology,weekly,UTC,en\n");
        }
        // the third reader's message arrives whole, but the server never answers: then the sender dies
        smtp.failFor("reader3@example.org", Fault.stall(Stage.END_OF_DATA));
        DigestWorld world = new DigestWorld(dir, kind, smtp.host(), smtp.port(), 1, "");
        try {
            world.gazette.collectNow();
            world.clock.advance(Duration.ofMinutes(1));
            world.importSubscribers(csv.toString());
            var firstGazette = world.gazette;
            Thread sender = new Thread(() -> {
                try {
                    firstGazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);
                } catch (Exception e) {
                    // the crash below: the database goes away under the running send
                }
            });
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (smtp.received().stream().noneMatch(m -> m.recipients().contains("reader3@example.org"))) {
                assertThat(System.nanoTime()).as("the stalled message arrives").isLessThan(deadline);
                Thread.sleep(20);
            }
            firstGazette.close(); // the crash: the sender loses its database mid-message
            sender.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(sender.isAlive()).isFalse();
            assertThat(accepted(smtp.received())).containsOnlyKeys("reader1@example.org", "reader2@example.org");

            // restart once the dead sender's claim has run out
            world.clock.advance(Duration.ofMinutes(2));
            world.gazette = world.open(world.clock);
            SendReport resumed = world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);

            assertThat(resumed.planned()).isZero();
            assertThat(resumed.sent()).isEqualTo(4);
            Map<String, Long> accepted = accepted(smtp.received());
            assertThat(accepted).hasSize(6).allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1L));
            List<Received> third = smtp.received().stream()
                    .filter(m -> m.recipients().contains("reader3@example.org")).toList();
            assertThat(third).extracting(Received::outcome).containsExactly(Outcome.UNANSWERED, Outcome.ACCEPTED);
            assertThat(third.get(1).header("Message-ID")).as("the same Message-ID, so a duplicate can be recognised")
                    .isEqualTo(third.get(0).header("Message-ID"));
            assertThat(world.gazette.digests().ledger().countByStatus()).containsEntry(DeliveryStatus.SENT, 6);
        } finally {
            world.close();
        }
    }
}
