package dev.gazette.subscriber.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.ConfigDefaults;
import dev.gazette.config.GazetteConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberQuery;
import dev.gazette.subscriber.SubscriberStore;
import dev.gazette.testing.TestDatabases;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The files in the top-level subscribers folder import cleanly on the built-in defaults. */
class SampleSubscribersTest {
    private static final Path FOLDER = Path.of("subscribers");

    private static SubscriberImporter importer(Database db, GazetteConfig config) {
        return new SubscriberImporter(new SubscriberStore(db.jdbi(), Clock.systemUTC(), config.subscribers()), config.topics());
    }

    @Test
    void theSampleImportsCleanlyOnTheDefaultConfiguration() {
        GazetteConfig config = ConfigDefaults.config();
        try (Database db = TestDatabases.open(DatabaseKind.H2)) {
            SubscriberImporter importer = importer(db, config);

            DirectoryImport result = importer.importDirectory(config.subscribers().importDir());

            assertThat(result.found()).isTrue();
            assertThat(result.files()).singleElement().satisfies(report -> {
                assertThat(report.file()).endsWith("sample.csv");
                assertThat(report.clean()).as(report.toString()).isTrue();
                assertThat(report.added()).isEqualTo(5);
            });
            SubscriberStore store = new SubscriberStore(db.jdbi(), Clock.systemUTC(), config.subscribers());
            Subscriber jisoo = store.list(new SubscriberQuery(null, null, "김지수", 0, 10)).get(0);
            assertThat(jisoo.timeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
            assertThat(jisoo.locale().toLanguageTag()).isEqualTo("ko");
            assertThat(store.list(SubscriberQuery.all())).extracting(s -> s.timeZone().getId())
                    .contains("Asia/Seoul", "America/Los_Angeles", "Pacific/Auckland", "Europe/Berlin");
            assertThat(store.list(SubscriberQuery.all())).extracting(Subscriber::email)
                    .allMatch(email -> email.endsWith("@example.org") || email.endsWith("@example.com"));
        }
    }

    @Test
    void theExampleInTheReadmeImportsCleanly() throws IOException {
        Matcher example = Pattern.compile("```csv\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(FOLDER.resolve("README.md")));
        assertThat(example.find()).isTrue();
        try (Database db = TestDatabases.open(DatabaseKind.H2)) {
            ImportReport report = importer(db, ConfigDefaults.config()).importReader(new StringReader(example.group(1)), "README");

            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.added()).isEqualTo(3);
        }
    }
}
