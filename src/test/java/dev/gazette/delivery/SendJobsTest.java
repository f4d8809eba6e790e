package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Manual sends against a real SMTP server (GreenMail), on H2 and PostgreSQL: dry-run counts, one job per request key
 * however often and however concurrently it is started, audiences, and progress read from the ledger.
 *
 * <p>The world's readers (see {@link DigestWorld#SUBSCRIBERS}): ana (oncology, infectious disease) and cy (oncology)
 * have news; jisoo (cardiology, Korean biotech) has news; bo (health policy) has none, so his digest is skipped; dee
 * is the one daily reader (digital health, with news).
 */
class SendJobsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private GreenMail smtp;
    private DigestWorld world;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
        smtp.stop();
    }

    private SendJobs jobs(DatabaseKind kind) {
        world = new DigestWorld(dir, kind, "127.0.0.1", smtp.getSmtp().getPort(), "");
        assertThat(world.gazette.collectNow().hasFailures()).isFalse();
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(world.importSubscribers(DigestWorld.SUBSCRIBERS).rejected()).isZero();
        return world.gazette.sendJobs();
    }

    private Map<String, Long> mailsByRecipient() {
        return Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(SendJobsTest::recipient,
                Collectors.counting()));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString().replaceAll(".*<(.*)>", "$1");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDryRunCountsWhoWouldGetOneWhoHadThisPeriodsAndWhoseWouldBeEmptyAndSendsNothing(DatabaseKind kind)
            throws Exception {
        SendJobs jobs = jobs(kind);

        assertThat(jobs.dryRun(SendRequest.active(null))).isEqualTo(new SendCount(4, 0, 1));
        assertThat(jobs.dryRun(SendRequest.active(Frequency.DAILY))).isEqualTo(new SendCount(1, 0, 0));
        assertThat(jobs.dryRun(SendRequest.topic("oncology", null))).isEqualTo(new SendCount(2, 0, 0));
        assertThat(jobs.dryRun(SendRequest.topic("health-policy", Frequency.WEEKLY))).isEqualTo(new SendCount(0, 0, 1));
        assertThat(jobs.dryRun(SendRequest.test(world.subscriberId("bo@example.org"), "editor@example.org")))
                .isEqualTo(new SendCount(1, 0, 0));
        // everyone joined after this period began, so no digest is due on the schedule yet
        assertThat(jobs.dryRun(SendRequest.due(null))).isEqualTo(new SendCount(0, 0, 0));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(world.gazette.digests().ledger().list(null, null, 10)).isEmpty();

        SendJob oncology = jobs.start(SendRequest.topic("oncology", null), "form-1", "editor");
        assertThat(jobs.await(oncology.id(), WAIT).finished()).isTrue();
        assertThat(jobs.dryRun(SendRequest.active(null))).as("ana and cy had this period's now")
                .isEqualTo(new SendCount(2, 2, 1));

        // next day: dee's daily digest is due on the schedule (the first period that began after she joined)
        world.clock.advance(Duration.ofDays(1));
        assertThat(jobs.dryRun(SendRequest.due(null))).isEqualTo(new SendCount(1, 0, 0));
        assertThat(jobs.dryRun(SendRequest.due(Frequency.WEEKLY))).isEqualTo(new SendCount(0, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoConcurrentStartsWithTheSameRequestKeyMakeOneJobAndMailEachSubscriberOnce(DatabaseKind kind)
            throws Exception {
        SendJobs jobs = jobs(kind);
        CountDownLatch ready = new CountDownLatch(2);
        Callable<SendJob> start = () -> {
            ready.countDown();
            ready.await();
            return jobs.start(SendRequest.active(null), "one-time-key-7", "editor");
        };
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<SendJob> started = new ArrayList<>();
        try {
            for (Future<SendJob> f : clicks.invokeAll(List.of(start, start))) {
                started.add(f.get());
            }
        } finally {
            clicks.shutdownNow();
        }
        assertThat(started.get(0).id()).isEqualTo(started.get(1).id());

        SendJobProgress progress = jobs.await(started.get(0).id(), WAIT);
        assertThat(progress.job().status()).isEqualTo(SendJobStatus.DONE);
        assertThat(mailsByRecipient()).containsOnly(Map.entry("ana@example.org", 1L), Map.entry("jisoo@example.org", 1L),
                Map.entry("cy@example.org", 1L), Map.entry("dee@example.org", 1L));

        // a third click after it finished: the same job, nothing more sent
        SendJob again = jobs.start(SendRequest.active(null), "one-time-key-7", "editor");
        assertThat(again.id()).isEqualTo(started.get(0).id());
        assertThat(again.status()).isEqualTo(SendJobStatus.DONE);
        Thread.sleep(200);
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(jobs.list(10)).extracting(SendJob::id).containsExactly(again.id());

        // the same key for another send is refused, not sent
        assertThatThrownBy(() -> jobs.start(SendRequest.topic("oncology", null), "one-time-key-7", "editor"))
                .isInstanceOfSatisfying(SendJobException.class,
                        e -> assertThat(e.problem()).isEqualTo(SendJobException.Problem.KEY_REUSED))
                .hasMessageContaining("one-time-key-7");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void progressIsCountedFromTheLedgerAndASecondSendForThePeriodMailsNobody(DatabaseKind kind) throws Exception {
        SendJobs jobs = jobs(kind);
        SendJob everyone = jobs.start(SendRequest.active(null), "everyone", "Editor Ed");
        assertThat(everyone.status()).isEqualTo(SendJobStatus.PLANNED);
        assertThat(everyone.createdBy()).isEqualTo("Editor Ed");

        SendJobProgress done = jobs.await(everyone.id(), WAIT);
        assertThat(done.job().status()).isEqualTo(SendJobStatus.DONE);
        assertThat(done.job().startedAt()).isNotNull();
        assertThat(done.job().finishedAt()).isNotNull();
        assertThat(done).extracting(SendJobProgress::planned, SendJobProgress::sent, SendJobProgress::skipped,
                SendJobProgress::failed, SendJobProgress::remaining, SendJobProgress::alreadyHad)
                .containsExactly(5, 4, 1, 0, 0, 0);
        DeliveryLedger ledger = world.gazette.digests().ledger();
        assertThat(ledger.listOfJob(everyone.id(), null, 10)).hasSize(5)
                .allSatisfy(d -> assertThat(d.jobId()).isEqualTo(everyone.id()));
        assertThat(ledger.listOfJob(everyone.id(), DeliveryStatus.SKIPPED, 10)).singleElement()
                .satisfies(d -> assertThat(d.recipient()).isEqualTo("bo@example.org"));

        // read again, as after a page reload, or from a restarted Gazette
        world.gazette.close();
        world.gazette = world.open(world.clock);
        SendJobProgress reloaded = world.gazette.sendJobs().progress(everyone.id());
        assertThat(reloaded).isEqualTo(new SendJobProgress(reloaded.job(), 5, 4, 0, 1, 0, 0));
        assertThat(reloaded.job()).isEqualTo(done.job());

        // the same period again, with a new key: everyone had it; nobody is mailed twice
        SendJob second = world.gazette.sendJobs().start(SendRequest.active(null), "everyone-again", "Editor Ed");
        SendJobProgress secondDone = world.gazette.sendJobs().await(second.id(), WAIT);
        assertThat(secondDone).extracting(SendJobProgress::planned, SendJobProgress::alreadyHad).containsExactly(0, 5);
        assertThat(secondDone.job().status()).isEqualTo(SendJobStatus.DONE);
        assertThat(smtp.getReceivedMessages()).hasSize(4);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTopicSendMailsOnlyThatTopicsSubscribersTheirOwnDigest(DatabaseKind kind) throws Exception {
        SendJobs jobs = jobs(kind);
        SendJob cardiology = jobs.start(SendRequest.topic("cardiology", Frequency.WEEKLY), "cardio", "editor");
        SendJobProgress progress = jobs.await(cardiology.id(), WAIT);

        assertThat(progress).extracting(SendJobProgress::planned, SendJobProgress::sent).containsExactly(1, 1);
        assertThat(mailsByRecipient()).containsOnlyKeys("jisoo@example.org");
        MimeMessage jisoo = smtp.getReceivedMessages()[0];
        assertThat(jisoo.getSubject()).contains("주간");
        assertThat(jisoo.getHeader("Message-ID")[0]).contains(".weekly-2026-11-23@");
        assertThat(jobs.find(cardiology.id()).orElseThrow().topic()).isEqualTo("cardiology");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTestSendGoesToTheTestAddressAsTheSubscriberWouldGetItAndDoesNotCountAsTheirs(DatabaseKind kind)
            throws Exception {
        SendJobs jobs = jobs(kind);
        long jisoo = world.subscriberId("jisoo@example.org");
        SendJob test = jobs.start(SendRequest.test(jisoo, " editor@example.org "), "test-1", "editor");
        assertThat(test.testAddress()).isEqualTo("editor@example.org");

        SendJobProgress progress = jobs.await(test.id(), WAIT);
        assertThat(progress.job().status()).isEqualTo(SendJobStatus.DONE);
        assertThat(progress).extracting(SendJobProgress::planned, SendJobProgress::sent).containsExactly(1, 1);
        assertThat(mailsByRecipient()).containsOnlyKeys("editor@example.org");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("[Test]").contains("주간");
        Delivery delivery = world.gazette.digests().ledger().listOfJob(test.id(), null, 10).get(0);
        assertThat(delivery.kind()).isEqualTo(DeliveryKind.TEST);
        assertThat(delivery.edition()).isEqualTo("test:job-" + test.id());
        assertThat(delivery.subscriberId()).isEqualTo(jisoo);

        assertThat(jobs.dryRun(SendRequest.topic("cardiology", null))).as("jisoo still gets her own")
                .isEqualTo(new SendCount(1, 0, 0));
    }

    @Test
    void aSendThatCannotComposeFailsWithTheReasonAndLeavesItsDeliveriesQueued() throws Exception {
        java.nio.file.Path templates = java.nio.file.Files.createDirectories(dir.resolve("templates"));
        java.nio.file.Files.writeString(templates.resolve("digest.txt"), "[(${digest.noSuchThing})]");
        world = new DigestWorld(dir, DatabaseKind.H2, "127.0.0.1", smtp.getSmtp().getPort(),
                "digest: {templates: \"" + templates + "\"}");
        world.gazette.collectNow();
        world.clock.advance(Duration.ofMinutes(1));
        world.importSubscribers(DigestWorld.SUBSCRIBERS);

        SendJob job = world.gazette.sendJobs().start(SendRequest.topic("oncology", null), "broken", "editor");
        SendJobProgress progress = world.gazette.sendJobs().await(job.id(), WAIT);

        assertThat(progress.job().status()).isEqualTo(SendJobStatus.FAILED);
        assertThat(progress.job().lastError()).contains("digest.txt");
        assertThat(progress.sent()).isZero();
        assertThat(progress.remaining()).as("put back, for a run after the template is fixed").isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void requestsThatCannotBeRightAreRefusedBeforeAnythingIsRecorded() {
        SendJobs jobs = jobs(DatabaseKind.H2);
        assertThatThrownBy(() -> jobs.start(SendRequest.topic("astrology", null), "k1", "editor"))
                .isInstanceOf(SendJobException.class).hasMessageContaining("no topic 'astrology'");
        assertThatThrownBy(() -> jobs.dryRun(SendRequest.topic("astrology", null)))
                .isInstanceOf(SendJobException.class).hasMessageContaining("no topic 'astrology'");
        assertThatThrownBy(() -> jobs.start(SendRequest.test(987654, "editor@example.org"), "k2", "editor"))
                .isInstanceOf(SendJobException.class).hasMessageContaining("no subscriber 987654");
        assertThatThrownBy(() -> SendRequest.test(1, "editor@example.org\r\nBcc: x@example.org"))
                .isInstanceOfSatisfying(SendJobException.class,
                        e -> assertThat(e.problem()).isEqualTo(SendJobException.Problem.INVALID));
        assertThatThrownBy(() -> SendRequest.test(1, "Ed <editor@example.org>")).isInstanceOf(SendJobException.class);
        assertThatThrownBy(() -> SendRequest.active(Frequency.PAUSED)).isInstanceOf(SendJobException.class);
        assertThatThrownBy(() -> new SendRequest(SendAudience.TOPIC, null, null, null, null))
                .isInstanceOf(SendJobException.class).hasMessageContaining("needs the topic");
        assertThatThrownBy(() -> jobs.start(SendRequest.active(null), " ", "editor"))
                .isInstanceOf(SendJobException.class).hasMessageContaining("request key");
        assertThatThrownBy(() -> jobs.start(SendRequest.active(null), "k3", ""))
                .isInstanceOf(SendJobException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> jobs.progress(424242)).isInstanceOfSatisfying(SendJobException.class,
                e -> assertThat(e.problem()).isEqualTo(SendJobException.Problem.NOT_FOUND));
        assertThat(jobs.list(10)).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
