package dev.gazette.subscriber.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gazette.config.ConfigDefaults;
import dev.gazette.config.SubscribersConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.SubscriberQuery;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.SubscriberPreferences;
import dev.gazette.subscriber.SubscriberStore;
import dev.gazette.testing.TestDatabases;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Importing subscriber files on H2 (the store's queries are proven on both databases by SubscriberStoreTest). */
class SubscriberImporterTest {
    static final SubscribersConfig DEFAULTS =
            new SubscribersConfig(Path.of("subscribers"), true, "UTC", "en", DayOfWeek.MONDAY, 8, java.time.Duration.ofHours(48));

    @TempDir
    Path dir;

    private Database db;
    private SubscriberStore store;
    private SubscriberImporter importer;

    @BeforeEach
    void open() {
        db = TestDatabases.open(DatabaseKind.H2);
        store = new SubscriberStore(db.jdbi(), Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), DEFAULTS);
        importer = new SubscriberImporter(store, ConfigDefaults.config().topics());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static String fixture(String name) {
        try (var in = SubscriberImporterTest.class.getResourceAsStream("/fixtures/subscribers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = {"LF", "CRLF"})
    void reportsEveryBadRowWithItsLineAndReasonAndImportsTheGoodOnes(String lineEnds) throws IOException {
        String text = fixture("bad-rows.csv").replace("{NUL}", "\0");
        Path file = write("bad-rows.csv", lineEnds.equals("CRLF") ? text.replace("\n", "\r\n") : text);

        ImportReport report = importer.importFile(file);

        assertThat(report.error()).isNull();
        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::email).containsExactly(
                tuple(3, "multi@example.org"),
                tuple(5, "not-an-address"),
                tuple(6, "Kim <kim@example.org>"),
                tuple(7, "topic@example.org"),
                tuple(8, "zone@example.org"),
                tuple(9, "offset@example.org"),
                tuple(10, "freq@example.org"),
                tuple(11, "locale@example.org"),
                tuple(12, "underscore@example.org"),
                tuple(13, "day@example.org"),
                tuple(14, "hour@example.org"),
                tuple(15, "OK1@Example.org"),
                tuple(16, ""),
                tuple(17, "nul@example.org"),
                tuple(18, ""),
                tuple(19, "notopics@example.org"),
                tuple(20, "nofreq@example.org"),
                tuple(21, "several@example.org"));
        assertThat(report.problems()).extracting(RowProblem::reason).containsExactly(
                "line break inside field 'name'",
                "invalid address 'not-an-address': has no @",
                "invalid address 'Kim <kim@example.org>': contains angle brackets: give the bare address, without a display name",
                "unknown topic 'neurology' (topics: oncology, cardiology, infectious-disease, health-policy, digital-health, korea-biotech)",
                "unknown time zone 'EST' (an IANA name such as Asia/Seoul, America/Los_Angeles or UTC)",
                "unknown time zone '+09:00' (an IANA name such as Asia/Seoul, America/Los_Angeles or UTC)",
                "unknown frequency 'monthly' (daily, weekly or paused)",
                "unknown locale 'not a locale' (a language tag such as en or ko)",
                "unknown locale 'ko_KR' (write a language tag with a hyphen, e.g. ko-KR)",
                "unknown send_day 'funday' (monday ... sunday, or mon ... sun)",
                "send_hour '24' is not an hour from 0 to 23",
                "duplicate of line 2",
                "email is empty",
                "NUL character inside field 'name'",
                "has 3 fields, the header has 8 (a comma inside a field needs double quotes around the field)",
                "no topics (give at least one topic slug; separate several with ;)",
                "frequency is empty (daily, weekly or paused)",
                "unknown topic 'unknown-topic' (topics: oncology, cardiology, infectious-disease, health-policy, "
                        + "digital-health, korea-biotech); unknown frequency 'sometimes' (daily, weekly or paused); "
                        + "unknown time zone 'Mars/Olympus' (an IANA name such as Asia/Seoul, America/Los_Angeles or UTC)");
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(18);
        assertThat(store.list(SubscriberQuery.all())).extracting(Subscriber::email)
                .containsExactly("ok1@example.org", "ok2@example.org");

        Subscriber ok2 = store.findByEmail("ok2@example.org").orElseThrow();
        assertThat(ok2.name()).isEqualTo("Kim \"Min\" Lee");
        assertThat(ok2.topics()).containsExactly("cardiology", "oncology");
        assertThat(ok2.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(ok2.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(ok2.locale().toLanguageTag()).isEqualTo("en-GB");
        assertThat(ok2.sendDay()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(ok2.sendHour()).isEqualTo(7);
        Subscriber ok1 = store.findByEmail("ok1@example.org").orElseThrow();
        assertThat(ok1.name()).isEqualTo("Kim, Jisoo");
        assertThat(ok1.sendDay()).as("empty: the configured default").isEqualTo(DayOfWeek.MONDAY);
        assertThat(ok1.sendHour()).isEqualTo(8);
    }

    @Test
    void checksLengthsControlCharactersAndTheStatusColumn() throws IOException {
        Path file = write("more.csv", "status,email,name,topics,frequency,timezone,locale\n"
                + ",long@example.org," + "가".repeat(201) + ",oncology,daily,UTC,en\n"
                + ",tag@example.org,Tag,oncology,daily,UTC,en-US-u-ca-gregory-nu-latn-x-private1\n"
                + "sometimes,status@example.org,Status,oncology,daily,UTC,en\n"
                + ",tab@example.org,Tab\tName,oncology,daily,UTC,en\n"
                + "bounced,known-bad@example.org,Known Bad,oncology,daily,UTC,en\n"
                + "Unsubscribed,left@example.org,Left,oncology,daily,UTC,en\n");

        ImportReport report = importer.importFile(file);

        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::reason).containsExactly(
                tuple(2, "name is longer than 200 characters"),
                tuple(3, "unknown locale 'en-US-u-ca-gregory-nu-latn-x-private1' (longer than 35 characters)"),
                tuple(4, "unknown status 'sometimes' (active, pending, unsubscribed or bounced)"),
                tuple(5, "control character U+0009 inside field 'name'"));
        assertThat(report.added()).isEqualTo(2);
        assertThat(store.findByEmail("known-bad@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.BOUNCED);
        assertThat(store.findByEmail("left@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        assertThat(store.activeBatch(null, 0, 10)).as("neither gets digests").isEmpty();
    }

    @Test
    void aSecondRunChangesNothingAndAFixedFileAddsTheRowsRejectedBefore() throws IOException {
        Path file = write("list.csv", """
                email,name,topics,frequency,timezone,locale
                a@example.org,A,oncology,daily,UTC,en
                b@example.org,B,neurology,daily,UTC,en
                """);
        assertThat(importer.importFile(file).summary())
                .isEqualTo(file + ": 1 new, 0 updated, 0 unchanged, 0 skipped (unsubscribed or bounced), 1 rejected");

        write("list.csv", """
                email,name,topics,frequency,timezone,locale
                a@example.org,A,oncology,daily,UTC,en
                b@example.org,B,cardiology,daily,UTC,en
                """);
        ImportReport fixed = importer.importFile(file);

        assertThat(fixed.added()).isEqualTo(1);
        assertThat(fixed.unchanged()).isEqualTo(1);
        assertThat(fixed.clean()).isTrue();
    }

    @Test
    void unsubscribedAndBouncedAddressesAreSkippedAndCounted() throws IOException {
        store.upsert(new SubscriberDraft("gone@example.org", "Gone", List.of("oncology"), Frequency.DAILY, null, null,
                null, null));
        store.unsubscribe(store.findByEmail("gone@example.org").orElseThrow().id());
        Path file = write("again.csv", """
                email,name,topics,frequency,timezone,locale
                Gone@example.org,Gone,oncology,daily,UTC,en
                new@example.org,New,oncology,daily,,
                """);

        ImportReport report = importer.importFile(file);

        assertThat(report.keptInactive()).isEqualTo(1);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.summary()).contains("1 skipped (unsubscribed or bounced)");
        assertThat(store.findByEmail("gone@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        Subscriber added = store.findByEmail("new@example.org").orElseThrow();
        assertThat(added.timeZone()).as("empty: the configured default").isEqualTo(ZoneId.of("UTC"));
        assertThat(added.locale()).isEqualTo(Locale.forLanguageTag("en"));
    }

    @Test
    void aByteOrderMarkAndHeaderNamesInAnyOrderAndCaseAreFine() throws IOException {
        byte[] text = "\uFEFFLOCALE,TimeZone,frequency,topics,name,email\nko,Asia/Seoul,daily,korea-biotech,김지수,jisoo@example.org\n"
                .getBytes(StandardCharsets.UTF_8);

        ImportReport report = importer.importFile(write("bom.csv", text));

        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(store.findByEmail("jisoo@example.org").orElseThrow().name()).isEqualTo("김지수");
    }

    @Test
    void bytesThatAreNotUtf8StopTheFileNamingTheLine() throws IOException {
        byte[] latin1 = "email,name,topics,frequency,timezone,locale\r\na@example.org,A,oncology,daily,UTC,en\r\nb@example.org,Ren\u00e9,oncology,daily,UTC,en\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        ImportReport report = importer.importFile(write("latin1.csv", latin1));

        assertThat(report.failed()).isTrue();
        assertThat(report.error()).isEqualTo("line 3: not valid UTF-8 (byte 0xE9); save the file as UTF-8");
        assertThat(store.list(SubscriberQuery.all())).as("nothing of the file is imported").isEmpty();
    }

    @Test
    void fileLevelProblemsImportNothingAndSayWhy() throws IOException {
        String rows = "\na@example.org,A,oncology,daily,UTC,en\n";
        assertThat(importer.importFile(write("unknown.csv", "email,name,topics,frequency,timezone,locale,phone"
                + "\na@example.org,A,oncology,daily,UTC,en,123\n")).error())
                .isEqualTo("line 1: unknown column 'phone' (columns: email, name, topics, frequency, timezone, locale, "
                        + "send_day, send_hour, status)");
        assertThat(importer.importFile(write("missing.csv", "email,name,topics,frequency" + rows)).error())
                .startsWith("line 1: missing columns 'timezone', 'locale' (a header row naming the columns must come first");
        assertThat(importer.importFile(write("headless.csv", rows.strip() + "\n")).error())
                .startsWith("line 1: unknown column 'a@example.org'").endsWith("the first row must be a header naming the columns");
        assertThat(importer.importFile(write("semicolons.csv", "email;name;topics;frequency;timezone;locale\n")).error())
                .contains("the file seems to use ';' between fields");
        assertThat(importer.importFile(write("twice.csv", "email,name,topics,frequency,timezone,locale,EMAIL" + rows))
                .error()).isEqualTo("line 1: column 'email' appears twice");
        assertThat(importer.importFile(write("empty.csv", "\n\n")).error()).startsWith("the file is empty");
        assertThat(importer.importFile(write("unclosed.csv", "email,name,topics,frequency,timezone,locale\n"
                + "a@example.org,A,oncology,daily,UTC,en\n\nb@example.org,\"B,oncology,daily,UTC,en\n")).error())
                .startsWith("line 4: not valid CSV in the record starting here");
        assertThat(importer.importFile(dir.resolve("nope.csv")).error()).isEqualTo("no such file");
        assertThat(store.list(SubscriberQuery.all())).isEmpty();
    }

    @Test
    void aReaderWorksLikeAFile() {
        ImportReport report = importer.importReader(new StringReader(
                "\uFEFFemail,name,topics,frequency,timezone,locale\n\"a@example.org\",,oncology,paused,,\n"), "form");

        assertThat(report.summary()).isEqualTo("form: 1 new, 0 updated, 0 unchanged, 0 skipped (unsubscribed or bounced), 0 rejected");
        assertThat(store.findByEmail("a@example.org").orElseThrow().frequency()).isEqualTo(Frequency.PAUSED);
    }

    @Test
    void importsEveryCsvFileOfAFolderInNameOrder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("subscribers"));
        Files.writeString(folder.resolve("b.csv"), "email,name,topics,frequency,timezone,locale\nb@example.org,B,oncology,daily,UTC,en\n");
        Files.writeString(folder.resolve("a.CSV"), "email,name,topics,frequency,timezone,locale\na@example.org,A,oncology,daily,UTC,en\n");
        Files.writeString(folder.resolve("README.md"), "not a subscriber file");
        Files.writeString(folder.resolve(".~lock.b.csv"), "an editor's lock file");
        Files.write(folder.resolve("c.csv"), new byte[] {(byte) 0xff});

        DirectoryImport result = importer.importDirectory(folder);

        assertThat(result.found()).isTrue();
        assertThat(result.files()).extracting(ImportReport::file).containsExactly(
                folder.resolve("a.CSV").toString(), folder.resolve("b.csv").toString(), folder.resolve("c.csv").toString());
        assertThat(result.files().get(2).error()).isEqualTo("line 1: not valid UTF-8 (byte 0xFF); save the file as UTF-8");
        assertThat(result.summary()).hasSize(3).last().asString().contains("c.csv: not imported: line 1: not valid UTF-8");
        assertThat(result.clean()).isFalse();
        assertThat(store.list(SubscriberQuery.all())).extracting(Subscriber::email)
                .containsExactly("a@example.org", "b@example.org");
    }

    @Test
    void importingAtStartAddsNewAddressesAndLeavesWhatReadersChangedOnTheWeb() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("subscribers"));
        Files.writeString(folder.resolve("sample.csv"), "email,name,topics,frequency,timezone,locale\n"
                + "ann@example.org,Ann,oncology,daily,UTC,en\n");
        importer.importDirectory(folder, ImportMode.ADD_NEW);
        Subscriber ann = store.findByEmail("ann@example.org").orElseThrow();
        store.updatePreferences(ann.id(), SubscriberPreferences.of(ann).withFrequency(Frequency.WEEKLY));
        Files.writeString(folder.resolve("sample.csv"), "email,name,topics,frequency,timezone,locale\n"
                + "ann@example.org,Ann,oncology,daily,UTC,en\nbo@example.org,Bo,cardiology,weekly,UTC,en\n");

        DirectoryImport restart = importer.importDirectory(folder, ImportMode.ADD_NEW);

        assertThat(restart.summary()).singleElement().asString().contains("1 new, 0 updated, 1 unchanged");
        assertThat(store.findByEmail("ann@example.org").orElseThrow().frequency()).as("her choice on the web")
                .isEqualTo(Frequency.WEEKLY);
        assertThat(store.findByEmail("bo@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.ACTIVE);

        importer.importDirectory(folder); // by hand, the file is the truth
        assertThat(store.findByEmail("ann@example.org").orElseThrow().frequency()).isEqualTo(Frequency.DAILY);
    }

    @Test
    void aMissingFolderImportsNothingAndSaysSo() {
        DirectoryImport result = importer.importDirectory(dir.resolve("no-such-folder"));

        assertThat(result.found()).isFalse();
        assertThat(result.files()).isEmpty();
        assertThat(result.summary()).singleElement().asString().startsWith("no subscriber folder ")
                .endsWith("no-such-folder: no subscribers imported");
    }
}
