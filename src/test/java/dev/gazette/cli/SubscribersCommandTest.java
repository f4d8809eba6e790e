package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscribers commands as a user runs them, on a temporary embedded database, reading what they print. */
class SubscribersCommandTest {
    private static final Path SAMPLE = Path.of("subscribers/sample.csv");

    @TempDir
    Path dir;

    private String config;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void writeConfig() throws IOException {
        Path file = dir.resolve("gazette.yml");
        Files.writeString(file, "data-dir: " + dir.resolve("data") + "\n");
        config = file.toString();
    }

    private Run gazette(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GazetteCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importTheSampleThenListAndImportAgainChangesNothing() {
        Run first = gazette("subscribers", "import", "--config", config, SAMPLE.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains(SAMPLE + ": 5 new, 0 updated, 0 unchanged, 0 skipped (unsubscribed or bounced), 0 rejected");

        Run list = gazette("subscribers", "list", "--config", config);
        assertThat(list.out()).contains("jisoo.kim@example.org", "김지수", "Asia/Seoul", "korea-biotech")
                .containsPattern("maria\\.lopez@example\\.com\\s+Maria Lopez\\s+active\\s+weekly\\s+mon 08:00")
                .contains("All subscribers: 0 pending, 5 active, 0 unsubscribed, 0 bounced");
        assertThat(list.out().lines().count()).isEqualTo(1 + 5 + 1);

        Run again = gazette("subscribers", "import", "--config", config, SAMPLE.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 new, 0 updated, 5 unchanged");
    }

    @Test
    void listFiltersByTopicStatusAndSearch() {
        gazette("subscribers", "import", "--config", config, SAMPLE.toString());

        assertThat(gazette("subscribers", "list", "--config", config, "--topic", "korea-biotech").out())
                .contains("jisoo.kim@example.org").doesNotContain("maria.lopez@example.com");
        assertThat(gazette("subscribers", "list", "--config", config, "--search", "WEBER").out())
                .contains("jonas.weber@example.com").doesNotContain("jisoo.kim");
        assertThat(gazette("subscribers", "list", "--config", config, "--status", "Unsubscribed").out())
                .startsWith("No subscribers match.");
        Run limited = gazette("subscribers", "list", "--config", config, "--limit", "2");
        assertThat(limited.out().lines().filter(l -> l.contains("@example.")).count()).isEqualTo(2);

        Run bad = gazette("subscribers", "list", "--config", config, "--status", "gone");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--status 'gone' is not one of active, pending, unsubscribed, bounced");
    }

    @Test
    void badRowsArePrintedAsFileLineReasonAndExitOne() throws IOException {
        Path file = dir.resolve("list.csv");
        Files.writeString(file, """
                email,name,topics,frequency,timezone,locale
                a@example.org,"Kim,
                Jisoo",oncology,daily,UTC,en
                b@example.org,B,neurology,daily,UTC,en
                c@example.org,C,oncology,daily,KST,en
                """);

        Run run = gazette("subscribers", "import", "--config", config, file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":2: line break inside field 'name'")
                .contains(file + ":4: unknown topic 'neurology'")
                .contains(file + ":5: unknown time zone 'KST'");
        assertThat(run.out()).contains(file + ": 0 new, 0 updated, 0 unchanged, 0 skipped (unsubscribed or bounced), 3 rejected");
    }

    @Test
    void aFileThatCannotBeReadExitsTwoAndTheOthersAreStillImported() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "email,name,topics,frequency,timezone,locale\nrene@example.org,Ren\u00e9,oncology,daily,UTC,en\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path missing = dir.resolve("missing.csv");

        Run run = gazette("subscribers", "import", "--config", config, missing.toString(), latin1.toString(),
                SAMPLE.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gazette: " + missing + ": no such file")
                .contains("gazette: " + latin1 + ": line 2: not valid UTF-8 (byte 0xE9)");
        assertThat(run.out()).contains(SAMPLE + ": 5 new");
    }

    @Test
    void exportWritesTheImportFormatToStandardOutputOrAFileAndReimportsUnchanged() throws IOException {
        gazette("subscribers", "import", "--config", config, SAMPLE.toString());

        Run stdout = gazette("subscribers", "export", "--config", config, "--topic", "korea-biotech");
        assertThat(stdout.exitCode()).isZero();
        assertThat(stdout.out()).isEqualTo("""
                email,name,topics,frequency,timezone,locale,send_day,send_hour,status
                jisoo.kim@example.org,김지수,digital-health;korea-biotech;oncology,daily,Asia/Seoul,ko,monday,8,active
                """);

        Path file = dir.resolve("out/export.csv");
        Files.createDirectories(file.getParent());
        Run toFile = gazette("subscribers", "export", "--config", config, "--output", file.toString(), "--status", "ACTIVE");
        assertThat(toFile.out()).isEqualTo("5 subscribers written to " + file + "\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("email,name,").contains("김지수").hasLineCount(6);

        Run reimport = gazette("subscribers", "import", "--config", config, file.toString());
        assertThat(reimport.out()).contains(file + ": 0 new, 0 updated, 5 unchanged");
    }

    @Test
    void helpExplainsTheSubscriberCommands() {
        assertThat(gazette("--help").out()).contains("subscribers");
        assertThat(gazette("subscribers", "--help").out()).contains("import", "export", "list");
        assertThat(gazette("subscribers", "import", "--help").out()).contains("FILE", "Exit code", "--config");
        assertThat(gazette("subscribers", "export", "--help").out()).contains("--output", "--status", "--topic");
        assertThat(gazette("subscribers", "list", "--help").out()).contains("--status", "--topic", "--search", "--limit");
    }
}
