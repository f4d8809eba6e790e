package dev.gazette.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.GazetteException;
import dev.gazette.config.OutboxConfig;
import dev.gazette.delivery.SendResult.Kind;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The demo outbox receives what the SMTP mailer sends and shows it over IMAP and to the web. */
class DemoOutboxTest {

    @Test
    void messagesSentToTheOutboxCanBeReadOverImapAndListed() throws Exception {
        Instant before = Instant.now();
        try (DemoOutbox outbox = DemoOutbox.start(new OutboxConfig(0, 0))) {
            assertThat(outbox.smtpPort()).isPositive();
            assertThat(outbox.imapPort()).isPositive().isNotEqualTo(outbox.smtpPort());
            try (SmtpMailer mailer = new SmtpMailer(outbox.mailConfig(TestMail.server("", 587, 2)), TestMail.delivery())) {
                assertThat(mailer.send(TestMail.message("d1.weekly@gazette.example.org", "minsu@example.org", "김민수",
                        "주간 소식", Map.of())).kind()).isEqualTo(Kind.SENT);
                assertThat(mailer.send(TestMail.message("d2.weekly@gazette.example.org", "ana@example.org")).kind())
                        .isEqualTo(Kind.SENT);
            }

            assertThat(outbox.receivedCount()).isEqualTo(2);
            assertThat(outbox.messages()).hasSize(2).first().satisfies(message -> {
                assertThat(message.messageId()).isEqualTo("d1.weekly@gazette.example.org");
                assertThat(message.to()).isEqualTo("minsu@example.org");
                assertThat(message.subject()).isEqualTo("주간 소식");
                assertThat(message.receivedAt()).isBetween(before.minusSeconds(1), Instant.now());
                assertThat(message.text()).contains("Hello 김민수");
                assertThat(message.html()).contains("<p>Hello 김민수</p>");
                assertThat(new String(message.raw(), StandardCharsets.US_ASCII))
                        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
            });

            Properties imap = new Properties();
            imap.setProperty("mail.imap.connectiontimeout", "5000");
            imap.setProperty("mail.imap.timeout", "5000");
            Store store = Session.getInstance(imap).getStore("imap");
            store.connect(outbox.host(), outbox.imapPort(), "minsu@example.org", "any password at all");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                assertThat(messages).hasSize(1);
                assertThat(messages[0].getSubject()).isEqualTo("주간 소식");
                assertThat(messages[0].getHeader("Message-ID")).containsExactly("<d1.weekly@gazette.example.org>");
                assertThat(((MimeMultipart) messages[0].getContent()).getCount()).isEqualTo(2);
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aPortInUseIsAClearError() {
        try (DemoOutbox first = DemoOutbox.start(new OutboxConfig(0, 0))) {
            assertThatThrownBy(() -> DemoOutbox.start(new OutboxConfig(first.smtpPort(), 0)).close())
                    .isInstanceOf(GazetteException.class)
                    .hasMessageContaining("mail.outbox.smtp-port " + first.smtpPort());
        }
    }

    @Test
    void itsMailConfigKeepsTheTimeoutsAndConnectionsButPointsAtTheOutbox() {
        try (DemoOutbox outbox = DemoOutbox.start(new OutboxConfig(0, 0))) {
            var config = outbox.mailConfig(TestMail.server("", 587, 3, Duration.ofSeconds(7)));
            assertThat(config.host()).isEqualTo("127.0.0.1");
            assertThat(config.port()).isEqualTo(outbox.smtpPort());
            assertThat(config.username()).isEmpty();
            assertThat(config.connections()).isEqualTo(3);
            assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(7));
        }
    }
}
