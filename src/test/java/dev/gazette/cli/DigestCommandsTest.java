package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.config.OutboxConfig;
import dev.gazette.delivery.smtp.DemoOutbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest commands ({@code send}, {@code preview}, {@code deliveries list}) as a user runs them: the bundled
 * sample sources collected, the sample subscribers imported, mail handed to a real SMTP server (GreenMail), and
 * what the commands print read as a user reads it.
 *
 * <p>The sample subscribers: Maria (cardiology, health policy) and Jonas (oncology, digital health) are weekly;
 * Jisoo (Korean), Aroha and Sam are daily.
 */
class DigestCommandsTest {
    private static final Path SAMPLE = Path.of("subscribers/sample.csv");
    private static final String MARIA = "maria.lopez@example.com";
    private static final String JONAS = "jonas.weber@example.com";
    private static final String JISOO = "jisoo.kim@example.org";
    private static final String EDITOR = "editor@example.org";
    /** Sample articles: one for Maria's cardiology, one for her health policy, one for a topic she does not follow. */
    private static final String CARDIOLOGY = "One-time gene-editing treatment halves LDL cholesterol in early study";
    private static final String POLICY = "Regulator proposes faster review pathway for rare-disease medicines";
    private static final String TUBERCULOSIS = "Rapid tuberculosis test gives results in under an hour in field study";
    private static final String KOREAN = "한국 바이오 산업, 임상시험 승인 건수 사상 최대";

    @TempDir
    Path dir;

    private GreenMail smtp;
    private String config;

    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void collectAndImport() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        config = writeConfig("gazette.yml",
                "{host: 127.0.0.1, port: " + smtp.getSmtp().getPort() + ", security: none, connect-timeout: 2s, timeout: 2s}");
        Run collect = gazette("collect", "--config", config);
        assertThat(collect.exitCode()).as(collect.all()).isZero();
        Run imported = gazette("subscribers", "import", "--config", config, SAMPLE.toString());
        assertThat(imported.exitCode()).as(imported.all()).isZero();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private String writeConfig(String name, String mail) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, """
                    data-dir: "%s"
                    subscribers: {import-on-start: false}
                    mail: %s
                    delivery: {rate-limit: 1000, max-attempts: 2, retry-base: 50ms, retry-max: 100ms}
                    security: {secret: "a-command-line-test-secret-of-enough-length"}
                    """.formatted(dir.resolve("data"), mail));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private Run gazette(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GazetteCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private List<String> recipients() {
        return Arrays.stream(smtp.getReceivedMessages()).map(DigestCommandsTest::to).toList();
    }

    private static String to(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a message, decoded. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private MimeMessage onlyMessageTo(String address) {
        List<MimeMessage> to = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(address)).toList();
        assertThat(to).as("messages to " + address).hasSize(1);
        return to.get(0);
    }

    @Test
    void aDryRunShowsWhoWouldGetWhatAndSendsAndRecordsNothing() {
        Run dry = gazette("send", "--frequency", "weekly", "--dry-run", "--config", config);

        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.out()).startsWith("EMAIL").contains("EDITION", "ARTICLES", "EVENTS", "BY TOPIC")
                .containsPattern("maria\\.lopez@example\\.com\\s+weekly:\\d{4}-\\d\\d-\\d\\d\\s+6\\s+\\d+\\s+"
                        + "cardiology 2, health-policy 4\\s*\n")
                .containsPattern("jonas\\.weber@example\\.com\\s+weekly:\\d{4}-\\d\\d-\\d\\d\\s+4\\s+\\d+\\s+oncology 4\\s*\n")
                .doesNotContain(JISOO, "sam.okafor")
                .contains("Dry run: 2 would be sent now; nothing was sent.");
        assertThat(dry.out().lines().count()).isEqualTo(1 + 2 + 1);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(gazette("deliveries", "list", "--config", config).out())
                .isEqualTo("No deliveries yet. Send with 'gazette send --frequency weekly'.\n");

        Run daily = gazette("send", "--frequency", "DAILY", "--dry-run", "--limit", "2", "--config", config);
        assertThat(daily.out()).contains(JISOO, "aroha.ngata@example.org").doesNotContain("sam.okafor", MARIA)
                .contains("Dry run: 2 would be sent now; nothing was sent.");

        // after a send, a dry run says who already has this period's digest
        gazette("send", "--frequency", "weekly", "--limit", "1", "--config", config);
        Run after = gazette("send", "--frequency", "weekly", "--dry-run", "--config", config);
        assertThat(after.out()).containsPattern(MARIA.replace(".", "\\.") + ".*already planned for this period")
                .contains("Dry run: 1 would be sent now; nothing was sent.");
    }

    @Test
    void sendMailsEachWeeklySubscriberTheirDigestOnceAndASecondSendSendsNothing() throws Exception {
        Run send = gazette("send", "--frequency", "weekly", "--config", config);

        assertThat(send.exitCode()).as(send.all()).isZero();
        assertThat(send.out()).isEqualTo("2 planned now: 2 sent, 0 skipped, 0 failed, 0 waiting to retry\n");
        assertThat(recipients()).containsExactlyInAnyOrder(MARIA, JONAS);
        String maria = text(onlyMessageTo(MARIA));
        assertThat(maria).contains("Cardiology", "Health policy").doesNotContain("tuberculosis");
        assertThat(text(onlyMessageTo(JONAS))).contains("Halvorsen Therapeutics");

        Run list = gazette("deliveries", "list", "--config", config);
        assertThat(list.out()).containsPattern(MARIA.replace(".", "\\.") + "\\s+weekly:\\S+\\s+sent\\s+1\\s+\\d+")
                .containsPattern(JONAS.replace(".", "\\.") + "\\s+weekly:\\S+\\s+sent\\s+1\\s+\\d+");

        Run again = gazette("send", "--frequency", "weekly", "--config", config);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("0 planned now: 0 sent, 0 skipped, 0 failed, 0 waiting to retry\n");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void limitSendsToAtMostThatManySubscribers() {
        Run send = gazette("send", "--frequency", "daily", "--limit", "1", "--config", config);

        assertThat(send.exitCode()).as(send.all()).isZero();
        assertThat(send.out()).startsWith("1 planned now: 1 sent, 0 skipped");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(recipients()).containsExactly(JISOO); // the first daily subscriber imported
        assertThat(gazette("deliveries", "list", "--config", config).out().lines().count()).isEqualTo(1 + 1);
    }

    @Test
    void aTestSendGoesToTheTestAddressAndTheSubscribersOwnDigestStillGoesOut() throws Exception {
        Run test = gazette("send", "--frequency", "weekly", "--to", EDITOR, "--subscriber", MARIA, "--config", config);

        assertThat(test.exitCode()).as(test.all()).isZero();
        assertThat(test.out()).isEqualTo("Test send of " + MARIA + "'s digest to " + EDITOR + ": sent\n");
        assertThat(recipients()).containsExactly(EDITOR);
        MimeMessage copy = onlyMessageTo(EDITOR);
        assertThat(copy.getSubject()).startsWith("[Test] ").contains("weekly");
        assertThat(text(copy)).contains("Cardiology");

        Run send = gazette("send", "--frequency", "weekly", "--config", config);

        assertThat(send.out()).startsWith("2 planned now: 2 sent, 0 skipped");
        assertThat(recipients()).containsExactlyInAnyOrder(EDITOR, MARIA, JONAS);
        assertThat(onlyMessageTo(MARIA).getSubject()).doesNotStartWith("[Test]");
        assertThat(text(onlyMessageTo(MARIA))).as("the test send did not use up her news")
                .contains("Cardiology");

        // without --subscriber: the first active subscriber of the frequency
        Run firstDaily = gazette("send", "--frequency", "daily", "--to", EDITOR, "--config", config);
        assertThat(firstDaily.out()).startsWith("Test send of " + JISOO + "'s digest to " + EDITOR + ": sent");
    }

    @Test
    void badArgumentsExitTwoWithAClearMessageAndSendNothing() {
        assertBadArguments("--frequency 'monthly' must be daily or weekly", "send", "--frequency", "monthly");
        assertBadArguments("--limit must be at least 1", "send", "--frequency", "weekly", "--limit", "0");
        assertBadArguments("--subscriber goes with --to (a test send)", "send", "--frequency", "weekly",
                "--subscriber", MARIA);
        assertBadArguments("--dry-run and --to do not go together", "send", "--frequency", "weekly", "--dry-run",
                "--to", EDITOR);
        assertBadArguments("--to 'editor at example.org' is not one email address like name@example.org", "send",
                "--frequency", "weekly", "--to", "editor at example.org");
        assertBadArguments("Missing required option: '--frequency=FREQUENCY'", "send");

        Run unknown = gazette("send", "--frequency", "weekly", "--to", EDITOR, "--subscriber", "nobody@example.org",
                "--config", config);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("gazette: no subscriber nobody@example.org\n");

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(gazette("deliveries", "list", "--config", config).out()).startsWith("No deliveries yet.");
    }

    private void assertBadArguments(String message, String... args) {
        String[] withConfig = Arrays.copyOf(args, args.length + 2);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = config;
        Run run = gazette(withConfig);
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).startsWith(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void previewRendersTheNextDigestAsHtmlOrTextToStandardOutputOrAFile() throws IOException {
        Run html = gazette("preview", "--subscriber", MARIA, "--config", config);

        assertThat(html.exitCode()).as(html.all()).isZero();
        assertThat(html.out()).containsIgnoringCase("<html").contains(CARDIOLOGY, POLICY).doesNotContain(TUBERCULOSIS);
        assertThat(html.err()).startsWith("Subject: ").contains("6 new articles, ");

        Run text = gazette("preview", "--subscriber", MARIA, "--format", "text", "--config", config);
        assertThat(text.out()).doesNotContainIgnoringCase("<html").contains(CARDIOLOGY, POLICY, "Maria Lopez");

        Path file = dir.resolve("jisoo.html");
        Run toFile = gazette("preview", "--subscriber", JISOO, "--output", file.toString(), "--config", config);
        assertThat(toFile.exitCode()).as(toFile.all()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains(KOREAN, "김지수");

        Path textFile = dir.resolve("jisoo.txt");
        gazette("preview", "--subscriber", JISOO, "--format", "text", "-o", textFile.toString(), "--config", config);
        assertThat(Files.readString(textFile, StandardCharsets.UTF_8)).contains(KOREAN).doesNotContainIgnoringCase("<html");

        // nothing was sent or recorded
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(gazette("deliveries", "list", "--config", config).out()).startsWith("No deliveries yet.");
    }

    @Test
    void previewOfAnUnknownSubscriberOrIntoAMissingFolderExitsTwo() {
        Run unknown = gazette("preview", "--subscriber", "nobody@example.org", "--config", config);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("gazette: no subscriber nobody@example.org");

        Path missing = dir.resolve("no-such-folder/out.html");
        Run unwritable = gazette("preview", "--subscriber", MARIA, "--output", missing.toString(), "--config", config);
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.err()).startsWith("gazette: cannot write " + missing);
    }

    @Test
    void deliveriesListFiltersByStatusAndSubscriberAndFailuresAreShownBySend() {
        gazette("send", "--frequency", "weekly", "--config", config);
        smtp.stop(); // the daily run finds no server: each attempt fails, and after the last one it gives up

        Run failing = gazette("send", "--frequency", "daily", "--config", config);

        assertThat(failing.exitCode()).as(failing.all()).isEqualTo(1);
        assertThat(failing.out()).startsWith("3 planned now: 0 sent, 0 skipped, 3 failed, 0 waiting to retry")
                .contains("Failures (see 'gazette deliveries list --status failed'):")
                .containsPattern("  " + JISOO.replace(".", "\\.") + "  daily:\\S+  gave up after 2 attempts");

        Run failed = gazette("deliveries", "list", "--status", "failed", "--config", config);
        assertThat(failed.exitCode()).as(failed.all()).isZero();
        assertThat(failed.out()).contains(JISOO, "aroha.ngata@example.org", "sam.okafor@example.org")
                .contains("gave up after 2 attempts").doesNotContain(MARIA, JONAS);
        assertThat(failed.out().lines().count()).isEqualTo(1 + 3);
        assertThat(failed.out()).containsPattern("daily:\\S+\\s+failed\\s+2\\s");

        Run sent = gazette("deliveries", "list", "--status", "SENT", "--config", config);
        assertThat(sent.out()).contains(MARIA, JONAS).doesNotContain(JISOO);

        Run maria = gazette("deliveries", "list", "--subscriber", MARIA, "--config", config);
        assertThat(maria.out()).contains(MARIA).doesNotContain(JONAS, JISOO);
        assertThat(maria.out().lines().count()).isEqualTo(1 + 1);

        Run none = gazette("deliveries", "list", "--subscriber", MARIA, "--status", "failed", "--config", config);
        assertThat(none.out()).isEqualTo("No deliveries match.\n");

        Run limited = gazette("deliveries", "list", "--limit", "2", "--config", config);
        assertThat(limited.out().lines().count()).isEqualTo(1 + 2);
        assertThat(limited.out()).contains("sam.okafor@example.org").as("newest first").doesNotContain(MARIA);

        Run badStatus = gazette("deliveries", "list", "--status", "lost", "--config", config);
        assertThat(badStatus.exitCode()).isEqualTo(2);
        assertThat(badStatus.err()).startsWith("--status 'lost' is not one of queued, sending, sent, failed, skipped");
        Run unknown = gazette("deliveries", "list", "--subscriber", "nobody@example.org", "--config", config);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("gazette: no subscriber nobody@example.org\n");
    }

    @Test
    void withoutMailHostAndNoServeRunningSendStopsBeforeRecordingAnything() throws IOException {
        int smtpPort = freePort();
        int imapPort = freePort();
        String demo = writeConfig("demo.yml", "{host: \"\", outbox: {smtp-port: " + smtpPort + ", imap-port: " + imapPort + "}}");

        Run send = gazette("send", "--frequency", "weekly", "--config", demo);

        assertThat(send.exitCode()).as(send.all()).isEqualTo(2);
        assertThat(send.err()).startsWith("gazette: mail.host is empty")
                .contains("none is running on port " + smtpPort)
                .contains("Start 'gazette serve' first, or set mail.host");
        Run test = gazette("send", "--frequency", "weekly", "--to", EDITOR, "--config", demo);
        assertThat(test.exitCode()).isEqualTo(2);
        assertThat(test.err()).contains("Start 'gazette serve' first");
        assertThat(gazette("deliveries", "list", "--config", demo).out())
                .as("nothing is left in the ledger for a later run to send").startsWith("No deliveries yet.");
        assertThat(gazette("send", "--frequency", "weekly", "--dry-run", "--config", demo).out())
                .as("a dry run needs no mail").contains("Dry run: 2 would be sent now");

        // with the outbox of a running serve on that port, the same send goes there
        try (DemoOutbox outbox = DemoOutbox.start(new OutboxConfig(smtpPort, imapPort))) {
            Run served = gazette("send", "--frequency", "weekly", "--config", demo);

            assertThat(served.exitCode()).as(served.all()).isZero();
            assertThat(served.out()).startsWith("2 planned now: 2 sent, 0 skipped, 0 failed, 0 waiting to retry\n")
                    .contains("Mail: demo outbox, nothing leaves this machine.");
            assertThat(outbox.receivedCount()).isEqualTo(2);
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void helpExplainsTheDigestCommands() {
        assertThat(gazette("--help").out()).contains("send", "preview", "deliveries");
        assertThat(gazette("send", "--help").out()).contains("--frequency", "--dry-run", "--to", "--subscriber", "--limit");
        assertThat(gazette("preview", "--help").out()).contains("--subscriber", "--format", "--output");
        assertThat(gazette("deliveries", "list", "--help").out()).contains("--status", "--subscriber", "--limit",
                "failed or skipped");
    }
}
