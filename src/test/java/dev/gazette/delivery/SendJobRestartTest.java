package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.Gazette;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A manual send interrupted by a restart: Gazette stops while a message is on the wire, and the send is taken up
 * after the restart, by the send itself or by the scheduler's next digest run, with every reader mailed once. A
 * scripted SMTP server stalls on cue (GreenMail cannot).
 */
class SendJobRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ScriptedSmtpServer smtp;
    private DigestWorld world;

    @BeforeEach
    void start() {
        smtp = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
        smtp.close();
    }

    private static Map<String, Long> accepted(List<Received> messages) {
        return messages.stream().filter(m -> m.outcome() == Outcome.ACCEPTED)
                .collect(Collectors.groupingBy(m -> m.recipients().get(0), Collectors.counting()));
    }

    /** Six weekly oncology readers; the third one's message stalls on the wire, and then Gazette stops. */
    private SendJob startAndStopMidSend(DatabaseKind kind) throws Exception {
        StringBuilder csv = new StringBuilder("email,name,topics,frequency,timezone,locale\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("reader").append(i).append("@example.org,Reader ").append(i).append(",oncology,weekly,UTC,en\n");
        }
        smtp.failFor("reader3@example.org", Fault.stall(Stage.END_OF_DATA));
        world = new DigestWorld(dir, kind, smtp.host(), smtp.port(), 1, "");
        world.gazette.collectNow();
        world.clock.advance(Duration.ofMinutes(1));
        world.importSubscribers(csv.toString());

        SendJob job = world.gazette.sendJobs().start(SendRequest.active(Frequency.WEEKLY), "restart-me", "editor");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (smtp.received().stream().noneMatch(m -> m.recipients().contains("reader3@example.org"))) {
            assertThat(System.nanoTime()).as("the stalled message arrives").isLessThan(deadline);
            Thread.sleep(20);
        }
        world.gazette.close(); // the restart: the send is interrupted mid-message
        world.gazette = null;
        assertThat(accepted(smtp.received())).containsOnlyKeys("reader1@example.org", "reader2@example.org");
        return job;
    }

    /** Open Gazette again once the interrupted claim has run out. */
    private Gazette restart() {
        world.clock.advance(Duration.ofMinutes(2));
        world.gazette = world.open(world.clock);
        return world.gazette;
    }

    private void assertEveryoneMailedOnce() {
        Map<String, Long> accepted = accepted(smtp.received());
        assertThat(accepted).hasSize(6).allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1L));
        List<Received> third = smtp.received().stream()
                .filter(m -> m.recipients().contains("reader3@example.org")).toList();
        assertThat(third).extracting(Received::outcome).containsExactly(Outcome.UNANSWERED, Outcome.ACCEPTED);
        assertThat(third.get(1).header("Message-ID")).isEqualTo(third.get(0).header("Message-ID"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anInterruptedSendIsTakenUpAfterARestartWithoutMailingAnyoneTwice(DatabaseKind kind) throws Exception {
        SendJob job = startAndStopMidSend(kind);
        Gazette gazette = restart();
        SendJobProgress interrupted = gazette.sendJobs().progress(job.id());
        assertThat(interrupted.job().status()).isEqualTo(SendJobStatus.RUNNING);
        assertThat(interrupted.planned()).isEqualTo(6);
        assertThat(interrupted.sent()).isEqualTo(2);
        assertThat(interrupted.remaining()).isEqualTo(4);

        assertThat(gazette.sendJobs().resumeInterrupted()).isEqualTo(1);
        SendJobProgress done = gazette.sendJobs().await(job.id(), WAIT);

        assertThat(done.job().status()).isEqualTo(SendJobStatus.DONE);
        assertThat(done).extracting(SendJobProgress::planned, SendJobProgress::sent, SendJobProgress::remaining)
                .containsExactly(6, 6, 0);
        assertEveryoneMailedOnce();
        assertThat(gazette.sendJobs().resumeInterrupted()).as("nothing left to take up").isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSchedulersNextDigestRunSendsWhatAnInterruptedSendLeftAndItsProgressThenReadsDone(DatabaseKind kind)
            throws Exception {
        SendJob job = startAndStopMidSend(kind);
        Gazette gazette = restart();

        SendReport tick = gazette.digests().sendDue();

        assertThat(tick.sent()).isEqualTo(4);
        assertEveryoneMailedOnce();
        SendJobProgress progress = gazette.sendJobs().progress(job.id());
        assertThat(progress.job().status()).isEqualTo(SendJobStatus.DONE);
        assertThat(progress).extracting(SendJobProgress::sent, SendJobProgress::remaining).containsExactly(6, 0);
    }
}
