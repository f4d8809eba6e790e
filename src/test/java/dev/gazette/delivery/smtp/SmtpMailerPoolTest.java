package dev.gazette.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.OutgoingMessage;
import dev.gazette.delivery.SendResult;
import dev.gazette.delivery.SendResult.Kind;
import dev.gazette.testing.ScriptedSmtpServer;
import dev.gazette.testing.ScriptedSmtpServer.Fault;
import dev.gazette.testing.ScriptedSmtpServer.Outcome;
import dev.gazette.testing.ScriptedSmtpServer.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection pool: connections reused for many messages, at most its size, reopened when they break. */
class SmtpMailerPoolTest {
    private static final String BOB = "bob@example.org";

    private final ScriptedSmtpServer server = ScriptedSmtpServer.start();
    private SmtpMailer mailer;

    @AfterEach
    void stop() {
        if (mailer != null) {
            mailer.close();
        }
        server.close();
    }

    private SmtpMailer mailer(int connections) {
        mailer = new SmtpMailer(TestMail.server(server.host(), server.port(), connections), TestMail.delivery());
        return mailer;
    }

    private SmtpMailer mailer() {
        return mailer(1);
    }

    private static OutgoingMessage toBob(String id) {
        return TestMail.message(id + "@gazette.example.org", BOB);
    }

    @Test
    void sixThreadsShareThreeConnections() throws Exception {
        mailer(3);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            OutgoingMessage message = toBob("shared" + i);
            sends.add(threads.submit(() -> mailer.send(message)));
        }
        for (Future<SendResult> send : sends) {
            assertThat(send.get().kind()).isEqualTo(Kind.SENT);
        }
        threads.shutdown();

        assertThat(server.messages()).hasSize(60);
        assertThat(server.connections()).isBetween(1, 3);
        assertThat(mailer.connectionsOpened()).isEqualTo(server.connections());
    }

    @Test
    void aClosedMailerClosesItsConnections() throws Exception {
        mailer(2).send(toBob("last"));
        mailer.close();
        for (int wait = 0; wait < 200 && server.openConnections() > 0; wait++) {
            Thread.sleep(5);
        }

        assertThat(server.openConnections()).isZero();
    }

    @Test
    void oneConnectionCarriesManyMessages() {
        mailer();
        for (int i = 0; i < 25; i++) {
            assertThat(mailer.send(toBob("many" + i)).kind()).isEqualTo(Kind.SENT);
        }

        assertThat(server.messages()).hasSize(25);
        assertThat(server.connections()).isEqualTo(1);
        assertThat(mailer.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void thePoolRecoversAfterADroppedConnection() {
        server.failNext(Fault.drop(Stage.END_OF_DATA), Fault.drop(Stage.RCPT));

        assertThat(mailer().send(toBob("one")).kind()).isEqualTo(Kind.AMBIGUOUS);
        assertThat(mailer.send(toBob("two")).kind()).isEqualTo(Kind.TRANSIENT);
        for (int i = 0; i < 5; i++) {
            assertThat(mailer.send(toBob("after" + i)).kind()).isEqualTo(Kind.SENT);
        }

        assertThat(server.connections()).isEqualTo(3);
        assertThat(server.messages()).hasSize(5);
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsReopenedWithinTheAttempt() throws Exception {
        assertThat(mailer().send(toBob("before")).kind()).isEqualTo(Kind.SENT);
        server.dropConnections();
        while (server.openConnections() > 0) {
            Thread.sleep(5);
        }

        SendResult result = mailer.send(toBob("after"));

        assertThat(result.kind()).isEqualTo(Kind.SENT);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.messages()).hasSize(2);
    }

    @Test
    void aServiceClosingReplyToMailFromOnAPooledConnectionIsReopenedToo() {
        assertThat(mailer().send(toBob("before")).kind()).isEqualTo(Kind.SENT);
        server.failNext(Fault.reply(Stage.MAIL, 421, "4.4.2 idle too long, closing"));

        assertThat(mailer.send(toBob("after")).kind()).isEqualTo(Kind.SENT);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void onAFreshConnectionAServiceClosingReplyIsTransientNotRetried() {
        server.failNext(Fault.reply(Stage.MAIL, 421, "4.3.2 too busy"));

        SendResult result = mailer().send(toBob("busy"));

        assertThat(result).isEqualTo(new SendResult(Kind.TRANSIENT, "421 4.3.2 too busy"));
        assertThat(server.transactions()).isEqualTo(1);
    }

    @Test
    void aTransientFailureThenSuccessOverTwoAttemptsOnTheSameConnection() {
        server.failFor(BOB, Fault.reply(Stage.END_OF_DATA, 451, "4.3.0 try again later"), Fault.none());

        SendResult first = mailer().send(toBob("twice"));
        SendResult second = mailer.send(toBob("twice"));

        assertThat(first).isEqualTo(new SendResult(Kind.TRANSIENT, "451 4.3.0 try again later"));
        assertThat(second.kind()).isEqualTo(Kind.SENT);
        assertThat(server.received()).extracting(ScriptedSmtpServer.Received::outcome)
                .containsExactly(Outcome.REFUSED, Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void aRefusedRecipientLeavesTheConnectionUsableForTheNext() {
        server.failFor("bad@example.org", Fault.reply(Stage.RCPT, 550, "5.1.1 no such user"));

        assertThat(mailer().send(TestMail.message("a@gazette.example.org", "bad@example.org")).kind())
                .isEqualTo(Kind.REJECTED_RECIPIENT);
        assertThat(mailer.send(toBob("b")).kind()).isEqualTo(Kind.SENT);

        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.messages()).extracting(m -> m.recipients().get(0)).containsExactly(BOB);
    }
}
