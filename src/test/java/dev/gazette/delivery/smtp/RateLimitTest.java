package dev.gazette.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.SendResult.Kind;
import dev.gazette.testing.ScriptedSmtpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The global rate limit holds over all connections. */
class RateLimitTest {

    @Test
    void sixteenMessagesAtTwentyPerSecondOverThreeConnectionsTakeAtLeastSevenHundredMilliseconds() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                SmtpMailer mailer = new SmtpMailer(TestMail.server(server.host(), server.port(), 3),
                        TestMail.delivery(20))) {
            ExecutorService threads = Executors.newFixedThreadPool(3);
            long started = System.nanoTime();
            List<Future<Kind>> sends = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String id = "rate" + i + "@gazette.example.org";
                sends.add(threads.submit(() -> mailer.send(TestMail.message(id, "bob@example.org")).kind()));
            }
            for (Future<Kind> send : sends) {
                assertThat(send.get()).isEqualTo(Kind.SENT);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            threads.shutdown();

            // one message per 50 ms: 16 messages span at least 14 full periods, whatever the phase of the first
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThan(Duration.ofSeconds(3));
            assertThat(server.messages()).hasSize(16);
            // the threads waited for the limit most of that time, and the mailer says so
            assertThat(mailer.rateLimited()).isGreaterThan(took.dividedBy(2));
        }
    }

    @Test
    void aMailerFarBelowItsLimitReportsNoWaiting() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                SmtpMailer mailer = new SmtpMailer(TestMail.server(server.host(), server.port(), 1),
                        TestMail.delivery(1_000_000))) {
            for (int i = 0; i < 5; i++) {
                assertThat(mailer.send(TestMail.message("fast" + i + "@gazette.example.org", "bob@example.org")).kind())
                        .isEqualTo(Kind.SENT);
            }
            assertThat(mailer.rateLimited()).isLessThan(Duration.ofMillis(50));
        }
    }
}
