package dev.gazette.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.MailConfig;
import dev.gazette.config.MailSecurity;
import dev.gazette.delivery.OutgoingMessage;
import dev.gazette.delivery.SendResult;
import dev.gazette.delivery.SendResult.Kind;
import dev.gazette.testing.ScriptedSmtpServer;
import dev.gazette.testing.ScriptedSmtpServer.Fault;
import dev.gazette.testing.ScriptedSmtpServer.Outcome;
import dev.gazette.testing.ScriptedSmtpServer.Stage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way an SMTP attempt can end, against a scripted server that fails on purpose. */
class SmtpMailerFailureTest {
    private static final String BOB = "bob@example.org";
    private static final Duration SHORT = Duration.ofMillis(400);

    private final ScriptedSmtpServer server = ScriptedSmtpServer.start();
    private SmtpMailer mailer;

    @AfterEach
    void stop() {
        if (mailer != null) {
            mailer.close();
        }
        server.close();
    }

    private SmtpMailer mailer(int connections, Duration timeout) {
        mailer = new SmtpMailer(TestMail.server(server.host(), server.port(), connections, timeout), TestMail.delivery());
        return mailer;
    }

    private SmtpMailer mailer() {
        return mailer(1, Duration.ofSeconds(5));
    }

    private static OutgoingMessage toBob(String id) {
        return TestMail.message(id + "@gazette.example.org", BOB);
    }

    @Test
    void aHealthyServerGetsTheMessageWithTheFromAddressAsEnvelopeSender() {
        SendResult result = mailer().send(toBob("ok"));

        assertThat(result).isEqualTo(new SendResult(Kind.SENT, "250 2.0.0 queued as 1"));
        assertThat(server.messages()).singleElement().satisfies(received -> {
            assertThat(received.from()).isEqualTo("news@gazette.example.org");
            assertThat(received.recipients()).containsExactly(BOB);
            assertThat(received.header("Message-ID")).isEqualTo("<ok@gazette.example.org>");
        });
    }

    @ParameterizedTest(name = "{0} {1} at {2} -> {3}")
    @CsvSource({
        "451, 4.3.0 try again later, MAIL, TRANSIENT",
        "553, 5.1.8 sender domain rejected, MAIL, PERMANENT",
        "450, 4.2.0 mailbox busy, RCPT, TRANSIENT",
        "550, 5.1.1 no such user here, RCPT, REJECTED_RECIPIENT",
        "550, no such user here, RCPT, REJECTED_RECIPIENT",
        "551, 5.1.6 user has moved, RCPT, REJECTED_RECIPIENT",
        "550, 5.7.1 rejected by policy, RCPT, PERMANENT",
        "552, mailbox full, RCPT, TRANSIENT",
        "552, 5.2.2 mailbox full, RCPT, TRANSIENT",
        "554, 5.3.0 no valid recipients, DATA, PERMANENT",
        "451, 4.3.0 local error, DATA, TRANSIENT",
        "451, 4.7.1 greylisted - try again later, END_OF_DATA, TRANSIENT",
        "554, 5.7.1 message content rejected, END_OF_DATA, PERMANENT",
        "421, 4.3.2 shutting down, END_OF_DATA, TRANSIENT",
    })
    void aReplyIsClassifiedByItsCodeAndStage(int code, String text, Stage stage, Kind expected) {
        server.failNext(Fault.reply(stage, code, text));

        SendResult result = mailer().send(toBob("r"));

        assertThat(result).isEqualTo(new SendResult(expected, code + " " + text));
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void aDropAtDataIsTransientAndNothingArrives() {
        server.failNext(Fault.drop(Stage.DATA));

        SendResult result = mailer().send(toBob("d"));

        assertThat(result.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(result.reply()).contains("closed the connection").contains("at DATA");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aResetWhileTheMessageIsBeingWrittenIsTransient() {
        // 6 MB: more than the client's socket buffers plus the server's window, so the client is still writing
        // when the reset arrives and sees it before it could send the final dot
        String body = ("a line of plain ascii text to fill the message body with something of weight\r\n").repeat(80_000);
        OutgoingMessage big = new OutgoingMessage("big@gazette.example.org", BOB, "", "Big", "<p>big</p>", body, Map.of());
        server.failNext(Fault.drop(Stage.DURING_DATA));

        SendResult result = mailer().send(big);

        assertThat(result.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(result.reply()).contains("connection lost").contains("while writing the message");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aDropAfterTheFinalDotIsAmbiguousAndTheMessageDidArrive() {
        server.failNext(Fault.drop(Stage.END_OF_DATA));

        SendResult result = mailer().send(toBob("maybe"));

        assertThat(result.kind()).isEqualTo(Kind.AMBIGUOUS);
        assertThat(result.reply()).contains("may have accepted");
        assertThat(server.received()).singleElement()
                .satisfies(received -> assertThat(received.outcome()).isEqualTo(Outcome.UNANSWERED));
    }

    @Test
    void noReplyToTheFinalDotWithinTheTimeoutIsAmbiguous() {
        server.failNext(Fault.stall(Stage.END_OF_DATA));

        long started = System.nanoTime();
        SendResult result = mailer(1, SHORT).send(toBob("slow"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.kind()).isEqualTo(Kind.AMBIGUOUS);
        assertThat(result.reply()).contains("timed out");
        assertThat(took).isBetween(SHORT.minusMillis(50), SHORT.multipliedBy(5));
    }

    @Test
    void aServerThatStopsAnsweringBeforeTheDataTimesOutAsTransient() {
        server.failNext(Fault.stall(Stage.MAIL));

        long started = System.nanoTime();
        SendResult result = mailer(1, SHORT).send(toBob("stall"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(result.reply()).contains("timed out").contains("MAIL FROM");
        assertThat(took).isBetween(SHORT.minusMillis(50), SHORT.multipliedBy(5));
    }

    @Test
    void aServerThatNeverGreetsTimesOutAsTransient() {
        server.failNext(Fault.stall(Stage.GREETING));

        SendResult result = mailer(1, SHORT).send(toBob("mute"));

        assertThat(result.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(result.reply()).startsWith("cannot connect to").contains("timed out");
    }

    @Test
    void noServerAtAllIsTransient() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        mailer = new SmtpMailer(TestMail.server("127.0.0.1", port, 1), TestMail.delivery());

        SendResult result = mailer.send(toBob("nobody"));

        assertThat(result.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(result.reply()).startsWith("cannot connect to 127.0.0.1:" + port).contains("refused");
    }

    @Test
    void starttlsIsRequiredWhenConfiguredSoAPlainServerGetsNothing() {
        MailConfig plain = TestMail.server(server.host(), server.port(), 1);
        mailer = new SmtpMailer(new MailConfig(plain.host(), plain.port(), MailSecurity.STARTTLS, "", "",
                plain.connectTimeout(), plain.timeout(), 1, plain.outbox()), TestMail.delivery());

        SendResult result = mailer.send(toBob("tls"));

        assertThat(result.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(result.reply()).contains("STARTTLS");
        assertThat(server.transactions()).isZero();
    }
}
