package dev.gazette.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.GazetteException;
import dev.gazette.config.DeliveryConfig;
import dev.gazette.delivery.MessageRefusedException;
import dev.gazette.delivery.OutgoingMessage;
import dev.gazette.testing.ScriptedSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Building the MIME message, and refusing one whose headers are unsafe before anything is sent. */
class MessageComposerTest {
    private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
    private final Session session = Session.getInstance(new Properties());
    private final MessageComposer composer = new MessageComposer(session, TestMail.delivery(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static OutgoingMessage with(String id, String to, String name, String subject, Map<String, String> headers) {
        return new OutgoingMessage(id, to, name, subject, "<p>html</p>", "text", headers);
    }

    static Stream<Arguments> unsafeMessages() {
        String id = "d1@gazette.example.org";
        String to = "bob@example.org";
        return Stream.of(
                Arguments.of(with(id, to, "Bob", "Weekly\r\nBcc: victim@example.org", Map.of()), "Subject"),
                Arguments.of(with(id, to, "Bob", "Weekly\nnews", Map.of()), "Subject"),
                Arguments.of(with(id, to, "Bob", "Weekly\rnews", Map.of()), "Subject"),
                Arguments.of(with(id, to, "Bob", "Weekly\0news", Map.of()), "Subject"),
                Arguments.of(with(id, to, "Bob\r\nBcc: victim@example.org", "Weekly", Map.of()), "To"),
                Arguments.of(with(id, to, "Bob\0", "Weekly", Map.of()), "To"),
                Arguments.of(with(id, "bob@example.org\r\nBcc: victim@example.org", "Bob", "Weekly", Map.of()), "To"),
                Arguments.of(with(id, to, "Bob", "Weekly",
                        Map.of("List-Unsubscribe", "<https://x.example/u>\r\nBcc: victim@example.org")), "List-Unsubscribe"),
                Arguments.of(with(id, to, "Bob", "Weekly", Map.of("List-Id", "news\n")), "List-Id"),
                Arguments.of(with(id, to, "Bob", "Weekly", Map.of("List-Id", "a\0b")), "List-Id"),
                Arguments.of(with(id, to, "Bob", "Weekly", Map.of("X-Evil\r\nBcc", "victim@example.org")),
                        "X-Evil\r\nBcc"),
                Arguments.of(with("d1@gazette.example.org\r\nBcc: victim@example.org", to, "Bob", "Weekly", Map.of()),
                        "Message-ID"));
    }

    @ParameterizedTest
    @MethodSource("unsafeMessages")
    void aLineBreakOrNulInAnyHeaderRefusesTheMessageAndNothingIsSent(OutgoingMessage message, String header) {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                SmtpMailer mailer = new SmtpMailer(TestMail.server(server.host(), server.port(), 1), TestMail.delivery())) {

            assertThatThrownBy(() -> mailer.send(message))
                    .isInstanceOfSatisfying(MessageRefusedException.class, e -> {
                        assertThat(e.header()).isEqualTo(header);
                        assertThat(e.getMessage()).startsWith("refused the message").contains("nothing was sent");
                    })
                    .hasMessageContaining(header.contains("\r") ? "header name" : header + " contains");
            assertThat(server.connections()).isZero();
            assertThat(mailer.connectionsOpened()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Subject", "subject", "Content-Type", "Bcc", "Message-ID", "From", "Date", "MIME-Version"})
    void anExtraHeaderCannotReplaceOneTheComposerWrites(String name) {
        assertThatThrownBy(() -> composer.compose(TestMail.message("d1@g.example.org", "bob@example.org", "Bob", "Hi",
                Map.of(name, "value"))))
                .isInstanceOf(MessageRefusedException.class)
                .hasMessageContaining(name + " is written by Gazette itself");
    }

    @Test
    void extraHeaderValuesMustBeAsciiOnOneLine() {
        assertThatThrownBy(() -> composer.compose(TestMail.message("d1@g.example.org", "bob@example.org", "Bob", "Hi",
                Map.of("List-Id", "소식 <news.g.example.org>"))))
                .isInstanceOf(MessageRefusedException.class).hasMessageContaining("List-Id must be printable ASCII");
        assertThatThrownBy(() -> composer.compose(TestMail.message("d1@g.example.org", "bob@example.org", "Bob", "Hi",
                Map.of("X-Long", "x".repeat(1000)))))
                .isInstanceOf(MessageRefusedException.class).hasMessageContaining("X-Long is longer than one header line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bob", "bob@", "@example.org", "bob@@example.org", "Bob <bob@example.org>",
            "bob@exam ple.org", "bob,carol@example.org", "björn@example.org", "bob@example.org (Bob)"})
    void recipientAddressesAreParsedStrictly(String address) {
        assertThatThrownBy(() -> composer.compose(TestMail.message("d1@g.example.org", address)))
                .isInstanceOfSatisfying(MessageRefusedException.class, e -> assertThat(e.header()).isEqualTo("To"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<d1@g.example.org>", "no-at-sign", "a b@g.example.org", "d1@", "d1@g..example.org"})
    void aMalformedMessageIdIsRefused(String id) {
        assertThatThrownBy(() -> composer.compose(TestMail.message(id, "bob@example.org")))
                .isInstanceOfSatisfying(MessageRefusedException.class,
                        e -> assertThat(e.header()).isEqualTo("Message-ID"));
    }

    @Test
    void theMessageIsMultipartAlternativeTextThenHtmlWithAStableIdAndTheClocksDate() throws Exception {
        MimeMessage mime = composer.compose(TestMail.message("d9.weekly@g.example.org", "bob@example.org", "Bob",
                "Hi", Map.of()));
        mime.saveChanges(); // as a transport might: the id must survive

        assertThat(mime.getMessageID()).isEqualTo("<d9.weekly@g.example.org>");
        assertThat(mime.getSentDate()).isEqualTo(Date.from(NOW));
        assertThat(mime.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mime.getContent();
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mime.writeTo(raw);
        String text = raw.toString(StandardCharsets.US_ASCII);
        assertThat(text).contains("\r\nMessage-ID: <d9.weekly@g.example.org>\r\n")
                .contains("\r\nList-Unsubscribe: " + TestMail.UNSUBSCRIBE + "\r\n")
                .contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
                .contains("\r\nReply-To: editor@gazette.example.org\r\n")
                .contains("charset=UTF-8");
    }

    @Test
    void aBlankNameGivesABareAddress() throws Exception {
        MimeMessage mime = composer.compose(TestMail.message("d1@g.example.org", "bob@example.org", " ", "Hi", Map.of()));

        InternetAddress to = (InternetAddress) mime.getAllRecipients()[0];
        assertThat(to.getPersonal()).isNull();
        assertThat(mime.getHeader("To")).containsExactly("bob@example.org");
    }

    @Test
    void theFromAddressComesFromTheSettingsWithOrWithoutAName() throws Exception {
        DeliveryConfig bare = new DeliveryConfig("news@g.example.org", "", "", 10, 5, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        MimeMessage mime = new MessageComposer(session, bare, Clock.systemUTC())
                .compose(TestMail.message("d1@g.example.org", "bob@example.org"));

        assertThat(mime.getHeader("From")).containsExactly("news@g.example.org");
        assertThat(mime.getReplyTo()).extracting(Object::toString).containsExactly("news@g.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an address", "Gazette <news@g.example.org", "a@b, c@d", "Gazette\r\n<news@g.example.org>"})
    void anInvalidFromSettingIsAConfigurationErrorNamingTheKey(String from) {
        DeliveryConfig delivery = new DeliveryConfig(from, "", "", 10, 5, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new MessageComposer(session, delivery, Clock.systemUTC()))
                .isInstanceOf(GazetteException.class).hasMessageStartingWith("delivery.from");
    }
}
