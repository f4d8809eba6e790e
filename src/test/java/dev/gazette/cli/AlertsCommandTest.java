package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts commands as a user runs them, on the bundled samples in a temporary embedded database. */
class AlertsCommandTest {
    private static final Path SAMPLE = Path.of("subscribers/sample.csv");
    private static final String MARIA = "maria.lopez@example.com";

    @TempDir
    Path dir;

    private String config;

    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void collectAndImport() throws IOException {
        Path file = dir.resolve("gazette.yml");
        Files.writeString(file, "data-dir: \"" + dir.resolve("data") + "\"\nsubscribers: {import-on-start: false}\n");
        config = file.toString();
        Run collect = gazette("collect");
        assertThat(collect.exitCode()).as(collect.all()).isZero();
        Run imported = gazette("subscribers", "import", SAMPLE.toString());
        assertThat(imported.exitCode()).as(imported.all()).isZero();
    }

    private Run gazette(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GazetteCli.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void anAddedAlertIsListedAndNewItemsMatchedNowAreCounted() {
        Run add = gazette("alerts", "add", "--subscriber", MARIA, "--query", "cholesterol", "--frequency", "weekly");
        assertThat(add.exitCode()).as(add.all()).isZero();
        assertThat(add.out()).matches("Added alert (\\d+) \"cholesterol\" \\(weekly\\) for maria\\.lopez@example\\.com\\.\\n");
        String id = add.out().replaceAll("\\D+(\\d+).*\\s*", "$1");

        Run list = gazette("alerts", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().lines().findFirst().orElseThrow())
                .matches("ID\\s+SUBSCRIBER\\s+QUERY\\s+FREQUENCY\\s+STATE\\s+7D\\s+30D\\s+TOTAL\\s+WAITING");
        assertThat(list.out()).containsPattern(id + "\\s+maria\\.lopez@example\\.com\\s+cholesterol\\s+weekly\\s+active"
                + "\\s+0\\s+0\\s+0\\s+0\\n");

        Run nothingNew = gazette("alerts", "match");
        assertThat(nothingNew.out()).isEqualTo("0 new items checked against 1 alert: 0 new matches.\n");
        // A source brings a new item in (without matching it: as if collected by an older Gazette).
        try (Gazette gazette = Gazette.open(new ConfigLoader(Map.of()).load(Path.of(config)), Clock.systemUTC())) {
            gazette.items().save("sample-wire", new ItemDraft(ItemKind.ARTICLE, "new-1", "https://example.org/n", null,
                    "Cholesterol drug trial reports results", "", "LDL fell by half.", List.of(), Instant.now(), null,
                    null, null, false, null, null, List.of()));
        }
        Run match = gazette("alerts", "match");
        assertThat(match.exitCode()).as(match.all()).isZero();
        assertThat(match.out()).isEqualTo("1 new item checked against 1 alert: 1 new match.\n");
        assertThat(gazette("alerts", "list", "--subscriber", MARIA).out())
                .containsPattern(id + "\\s+maria\\.lopez@example\\.com\\s+cholesterol\\s+weekly\\s+active\\s+1\\s+1\\s+1\\s+1\\n");
        assertThat(gazette("alerts", "list", "--subscriber", "jonas.weber@example.com").out())
                .isEqualTo("No alerts for jonas.weber@example.com.\n");

        Run change = gazette("alerts", "change", id, "--query", "cholesterol OR statin", "--frequency", "instant");
        assertThat(change.out()).isEqualTo("Changed alert " + id + " \"cholesterol OR statin\" (instant).\n");
        assertThat(gazette("alerts", "pause", id).out()).isEqualTo("Paused alert " + id + " \"cholesterol OR statin\" (instant).\n");
        assertThat(gazette("alerts", "list").out()).containsPattern(id + "\\s+\\S+\\s+cholesterol OR statin\\s+instant\\s+paused");
        assertThat(gazette("alerts", "resume", id).exitCode()).isZero();
        assertThat(gazette("alerts", "list").out()).containsPattern("instant\\s+active");
        assertThat(gazette("alerts", "delete", id).out()).startsWith("Deleted alert " + id);
        assertThat(gazette("alerts", "list").out()).startsWith("No alerts yet.");
    }

    @Test
    void anInvalidQueryIsPrintedWithACaretUnderItsColumnAndExitsTwo() {
        Run bad = gazette("alerts", "add", "--subscriber", MARIA, "--query", "cancer \"phase 2");

        assertThat(bad.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(bad.err()).isEqualTo("""
                gazette: invalid query: column 8: the quote opened here is never closed
                  cancer "phase 2
                         ^
                """);
        assertThat(bad.out()).isEmpty();
        assertThat(gazette("alerts", "list").out()).startsWith("No alerts yet.");

        Run korean = gazette("alerts", "test", "--query", "임상 (암");
        assertThat(korean.exitCode()).isEqualTo(2);
        assertThat(korean.err()).isEqualTo("""
                gazette: invalid query: column 4: the parenthesis opened here is never closed
                  임상 (암
                       ^
                """);

        Run unknownSubscriber = gazette("alerts", "add", "--subscriber", "nobody@example.org", "--query", "x");
        assertThat(unknownSubscriber.exitCode()).isEqualTo(2);
        assertThat(unknownSubscriber.err()).isEqualTo("gazette: no subscriber nobody@example.org\n");
        for (String command : List.of("pause", "resume", "delete")) {
            Run unknown = gazette("alerts", command, "999");
            assertThat(unknown.exitCode()).as(command).isEqualTo(2);
            assertThat(unknown.err()).as(command).isEqualTo("gazette: no alert 999 (see: gazette alerts list)\n");
        }
        Run badFrequency = gazette("alerts", "add", "--subscriber", MARIA, "--query", "x", "--frequency", "hourly");
        assertThat(badFrequency.exitCode()).isEqualTo(2);
        assertThat(badFrequency.err()).contains("--frequency unknown alert frequency 'hourly' (use instant, daily or weekly)");
    }

    @Test
    void testingAQueryPrintsWhatItWouldHaveMatchedWithTheWordsMarked() {
        Run test = gazette("alerts", "test", "--query", "cholesterol");

        assertThat(test.exitCode()).as(test.all()).isZero();
        assertThat(test.out().lines().findFirst().orElseThrow()).matches("DATE\\s+SOURCE\\s+TITLE");
        assertThat(test.out()).containsPattern("\\d{4}-\\d\\d-\\d\\d\\s+\\S+\\s+One-time gene-editing treatment halves LDL"
                + " \\*cholesterol\\* in early study\\n");
        assertThat(test.out()).containsPattern("\\n1 of (\\d+) items collected in the last 30 days match \u201ccholesterol\u201d\\.\\n$");
        int scanned = Integer.parseInt(test.out().replaceAll("(?s).*\\n1 of (\\d+) items.*", "$1"));
        assertThat(scanned).isGreaterThan(1);

        Run none = gazette("alerts", "test", "--query", "xylophone");
        assertThat(none.out()).isEqualTo("0 of " + scanned + " items collected in the last 30 days match \u201cxylophone\u201d.\n");
    }
}
