package dev.gazette.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.config.MailConfig;
import dev.gazette.config.MailSecurity;
import dev.gazette.delivery.OutgoingMessage;
import dev.gazette.delivery.SendResult;
import dev.gazette.delivery.SendResult.Kind;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP mailer against GreenMail, a real SMTP server: what arrives, byte for byte where it matters. */
class SmtpMailerGreenMailTest {
    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private SmtpMailer mailer(int connections) {
        return new SmtpMailer(TestMail.server("127.0.0.1", greenMail.getSmtp().getPort(), connections),
                TestMail.delivery());
    }

    @Test
    void deliversBothPartsWithKoreanSubjectAndNameAndTheHeadersAsGiven() throws Exception {
        String subject = "주간 소식: 바이오 학회 일정 🎉";
        String name = "김민수";
        OutgoingMessage message = new OutgoingMessage("d123.weekly-2026-11-23@gazette.example.org",
                "minsu@example.org", name, subject, "<html><body><p>안녕하세요, 민수 님</p></body></html>",
                "안녕하세요, 민수 님", Map.of("List-Unsubscribe", TestMail.UNSUBSCRIBE,
                        "List-Unsubscribe-Post", TestMail.ONE_CLICK, "List-Id", "Gazette weekly <weekly.gazette.example.org>"));

        SendResult result;
        try (SmtpMailer mailer = mailer(1)) {
            result = mailer.send(message);
        }

        assertThat(result.kind()).isEqualTo(Kind.SENT);
        assertThat(result.reply()).startsWith("250");
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(subject);
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?").doesNotContain("주간");
        InternetAddress to = (InternetAddress) received.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("minsu@example.org");
        assertThat(to.getPersonal()).isEqualTo(name);
        assertThat(received.getHeader("To")[0]).contains("=?UTF-8?").doesNotContain(name);
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("news@gazette.example.org");
        assertThat(from.getPersonal()).isEqualTo("Gazette 소식");
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).isEqualTo("editor@gazette.example.org");
        assertThat(received.getHeader("Message-ID")).containsExactly("<d123.weekly-2026-11-23@gazette.example.org>");
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly(TestMail.UNSUBSCRIBE);
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly(TestMail.ONE_CLICK);
        assertThat(received.getHeader("List-Id")).containsExactly("Gazette weekly <weekly.gazette.example.org>");
        assertThat(received.getSentDate()).isNotNull();

        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("안녕하세요, 민수 님");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<html><body><p>안녕하세요, 민수 님</p></body></html>");
    }

    @Test
    void manyMessagesFromSeveralThreadsAllArriveOverTheSmallPool() throws Exception {
        int count = 60;
        List<SendResult> results = new ArrayList<>();
        try (SmtpMailer mailer = mailer(2)) {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OutgoingMessage message = TestMail.message("m" + i + "@gazette.example.org", "reader" + i + "@example.org");
                futures.add(threads.submit(() -> mailer.send(message)));
            }
            for (Future<SendResult> future : futures) {
                results.add(future.get());
            }
            threads.shutdown();
            assertThat(mailer.connectionsOpened()).isBetween(1, 2);
        }

        assertThat(results).extracting(SendResult::kind).containsOnly(Kind.SENT);
        assertThat(greenMail.getReceivedMessages()).hasSize(count);
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    }

    @Test
    void tlsRefusesAServerWhoseCertificateIsNotTrusted() {
        GreenMail smtps = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
        smtps.start();
        try {
            MailConfig plain = TestMail.server("127.0.0.1", smtps.getSmtps().getPort(), 1);
            MailConfig tls = new MailConfig(plain.host(), plain.port(), MailSecurity.TLS, "", "", plain.connectTimeout(),
                    plain.timeout(), 1, plain.outbox());
            SendResult result;
            try (SmtpMailer mailer = new SmtpMailer(tls, TestMail.delivery())) {
                result = mailer.send(TestMail.message("tls@gazette.example.org", "bob@example.org"));
            }

            assertThat(result.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(result.reply()).startsWith("cannot connect to").contains("TLS failed");
            assertThat(smtps.getReceivedMessages()).isEmpty();
        } finally {
            smtps.stop();
        }
    }

    @Test
    void aUserNameMeansLoggingIn() {
        greenMail.setUser("news@gazette.example.org", "sender", "right password");
        MailConfig plain = TestMail.server("127.0.0.1", greenMail.getSmtp().getPort(), 1);

        SendResult wrong;
        try (SmtpMailer mailer = new SmtpMailer(withLogin(plain, "sender", "wrong password"), TestMail.delivery())) {
            wrong = mailer.send(TestMail.message("auth1@gazette.example.org", "bob@example.org"));
        }
        SendResult right;
        try (SmtpMailer mailer = new SmtpMailer(withLogin(plain, "sender", "right password"), TestMail.delivery())) {
            right = mailer.send(TestMail.message("auth2@gazette.example.org", "bob@example.org"));
        }

        assertThat(wrong.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(wrong.reply()).contains("authentication failed");
        assertThat(right.kind()).isEqualTo(Kind.SENT);
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsExactly("<auth2@gazette.example.org>");
    }

    private static MailConfig withLogin(MailConfig config, String user, String password) {
        return new MailConfig(config.host(), config.port(), config.security(), user, password, config.connectTimeout(),
                config.timeout(), config.connections(), config.outbox());
    }
}
