package dev.gazette.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.delivery.OutgoingMessage;
import dev.gazette.delivery.SendResult.Kind;
import dev.gazette.testing.ScriptedSmtpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages per second from the SMTP mailer to GreenMail over pools of 1, 2 and 4 connections (as many sending
 * threads), and to the minimal scripted server over one (the client's own cost), without rate limit. Not part
 * of the suite (its name does not end in Test); run it with {@code mvn -B -o test -Dtest=SmtpThroughputMeasure}.
 */
class SmtpThroughputMeasure {
    private static final int MESSAGES = 2000;
    private static final String HTML = "<table>" + "<tr><td style=\"padding:8px\">An item title, a summary of two lines"
            + " and a link to the article that is long enough</td></tr>".repeat(20) + "</table>";
    private static final String TEXT = "An item title, a summary of two lines and a link\n".repeat(20);

    private static OutgoingMessage message(int i) {
        return new OutgoingMessage("m" + i + "@g.example.org", "r" + (i % 100) + "@example.org", "Reader " + i,
                "주간 소식 " + i, HTML, TEXT, Map.of("List-Unsubscribe", TestMail.UNSUBSCRIBE));
    }

    @Test
    void measureTheClientAgainstTheScriptedServer() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                SmtpMailer mailer = new SmtpMailer(TestMail.server(server.host(), server.port(), 1), TestMail.delivery())) {
            for (int i = 0; i < 500; i++) { // warm up
                mailer.send(message(i));
            }
            long started = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(mailer.send(message(i)).kind()).isEqualTo(Kind.SENT);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%d messages to the scripted server over 1 connection in %.2f s: %.0f messages/s%n",
                    MESSAGES, seconds, MESSAGES / seconds);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} connections")
    @ValueSource(ints = {1, 2, 4})
    void measure(int connections) throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try (SmtpMailer mailer = new SmtpMailer(TestMail.server("127.0.0.1", greenMail.getSmtp().getPort(), connections),
                TestMail.delivery())) {
            ExecutorService threads = Executors.newFixedThreadPool(connections);
            for (int i = 0; i < 200; i++) { // warm up
                mailer.send(message(i));
            }
            long started = System.nanoTime();
            List<Future<Kind>> sends = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                OutgoingMessage message = message(i);
                sends.add(threads.submit(() -> mailer.send(message).kind()));
            }
            for (Future<Kind> send : sends) {
                assertThat(send.get()).isEqualTo(Kind.SENT);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            threads.shutdown();
            System.out.printf("%d messages over %d connection(s) in %.2f s: %.0f messages/s (%d connections opened)%n",
                    MESSAGES, connections, seconds, MESSAGES / seconds, mailer.connectionsOpened());
            assertThat(greenMail.getReceivedMessages()).hasSize(MESSAGES + 200);
            assertThat(mailer.connectionsOpened()).isLessThanOrEqualTo(connections);
        } finally {
            greenMail.stop();
        }
    }
}
