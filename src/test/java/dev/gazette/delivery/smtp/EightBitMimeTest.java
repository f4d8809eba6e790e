package dev.gazette.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.OutgoingMessage;
import dev.gazette.delivery.SendResult;
import dev.gazette.testing.ScriptedSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Messages go as 8bit text when the server offers 8BITMIME (RFC 6152), and quoted-printable when it does not or a
 * line is too long for 8bit; either way the reader gets the same text.
 */
class EightBitMimeTest {
    private static final String HTML = "<html><body><p>안녕하세요, 지수 님 — café</p></body></html>";
    private static final String TEXT = "안녕하세요, 지수 님 — café\nA second line.";

    @Test
    void asEightBitWhenTheServerOffersIt() throws Exception {
        List<ScriptedSmtpServer.Received> received = sendTwo(true, TEXT);

        // the first message goes before the mailer knows the server; the second as 8bit
        ScriptedSmtpServer.Received second = received.get(1);
        assertThat(second.mailParameters()).isEqualTo("BODY=8BITMIME");
        assertThat(second.text()).contains("Content-Transfer-Encoding: 8bit").doesNotContain("quoted-printable")
                .contains("안녕하세요, 지수 님 — café\r\nA second line.");
        assertThat(parts(second)).containsExactly(TEXT, HTML);
        assertThat(received.get(0).mailParameters()).isEmpty();
        assertThat(parts(received.get(0))).isEqualTo(parts(second));
    }

    @Test
    void quotedPrintableWhenTheServerDoesNotOfferIt() throws Exception {
        List<ScriptedSmtpServer.Received> received = sendTwo(false, TEXT);

        for (ScriptedSmtpServer.Received message : received) {
            assertThat(message.mailParameters()).isEmpty();
            assertThat(message.text()).doesNotContain("Content-Transfer-Encoding: 8bit");
            assertThat(parts(message)).containsExactly(TEXT, HTML);
        }
    }

    @Test
    void aPartWithALineOver998OctetsIsEncodedEvenWhenOffered() throws Exception {
        String longLine = "가".repeat(340); // 340 chars, 1,020 octets in UTF-8
        List<ScriptedSmtpServer.Received> received = sendTwo(true, longLine);

        ScriptedSmtpServer.Received second = received.get(1);
        assertThat(second.mailParameters()).isEqualTo("BODY=8BITMIME"); // the HTML part still goes as 8bit
        assertThat(second.text()) // the text part encoded as the MIME layer chooses, the HTML part as it is
                .containsPattern("text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: (base64|quoted-printable)")
                .contains("text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit");
        assertThat(parts(second)).containsExactly(longLine, HTML);
        assertThat(MessageComposer.fitsEightBit("가".repeat(332))).isTrue();
        assertThat(MessageComposer.fitsEightBit("가".repeat(333))).isFalse();
        assertThat(MessageComposer.fitsEightBit("a".repeat(998) + "\n" + "b")).isTrue();
        assertThat(MessageComposer.fitsEightBit("a".repeat(999))).isFalse();
        assertThat(MessageComposer.fitsEightBit("bare\rreturn")).isFalse();
        assertThat(MessageComposer.fitsEightBit("nul\0")).isFalse();
    }

    private static List<ScriptedSmtpServer.Received> sendTwo(boolean offer, String text) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            if (offer) {
                server.offering("8BITMIME", "PIPELINING");
            }
            try (SmtpMailer mailer = new SmtpMailer(TestMail.server(server.host(), server.port(), 1),
                    TestMail.delivery())) {
                for (int i = 1; i <= 2; i++) {
                    SendResult result = mailer.send(new OutgoingMessage("d" + i + "@gazette.example.org",
                            "jisoo@example.org", "김지수", "주간 소식", HTML, text, Map.of()));
                    assertThat(result.kind()).isEqualTo(SendResult.Kind.SENT);
                }
            }
            assertThat(server.messages()).hasSize(2);
            return server.messages();
        }
    }

    /** The text of each part, decoded as a mail client decodes it, line ends as \n. */
    private static List<String> parts(ScriptedSmtpServer.Received received) throws Exception {
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(received.data()));
        MimeMultipart alternative = (MimeMultipart) parsed.getContent();
        return List.of(((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n"),
                ((String) alternative.getBodyPart(1).getContent()).replace("\r\n", "\n"));
    }
}
