package dev.gazette.subscriber.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.ConfigDefaults;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberQuery;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.SubscriberStore;
import dev.gazette.testing.TestDatabases;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Export then import changes nothing, Korean names, quotes, commas and formula guards included; on both databases. */
class RoundTripTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importExportImportChangesNothingAndTheBytesStayTheSame(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = new SubscriberStore(db.jdbi(),
                    Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), SubscriberImporterTest.DEFAULTS);
            SubscriberImporter importer = new SubscriberImporter(store, ConfigDefaults.config().topics());
            SubscriberCsvWriter writer = new SubscriberCsvWriter();
            String original = SubscriberImporterTest.fixture("korean.csv");

            ImportReport first = importer.importReader(new StringReader(original), "korean.csv");
            assertThat(first.clean()).as(first.toString()).isTrue();
            assertThat(first.added()).isEqualTo(6);

            StringWriter exported = new StringWriter();
            assertThat(writer.export(store, SubscriberQuery.all(), exported)).isEqualTo(6);
            assertThat(exported.toString()).isEqualTo(original);

            ImportReport again = importer.importReader(new StringReader(exported.toString()), "export.csv");
            assertThat(again.unchanged()).isEqualTo(6);
            assertThat(again.added() + again.updated() + again.keptInactive() + again.rejected()).isZero();
            StringWriter twice = new StringWriter();
            writer.export(store, SubscriberQuery.all(), twice);
            assertThat(twice.toString()).isEqualTo(exported.toString());

            Subscriber minjun = store.findByEmail("minjun.park@example.org").orElseThrow();
            assertThat(minjun.name()).isEqualTo("박민준, 서울대학교병원");
            assertThat(store.findByEmail("formula@example.org").orElseThrow().name())
                    .as("the guard is taken off on import").isEqualTo("=HYPERLINK(\"http://example.org\")");
            assertThat(store.findByEmail("-dash@example.org").orElseThrow().name()).isEqualTo("@handle");
            assertThat(store.findByEmail("gone@example.org").orElseThrow().status())
                    .as("an unsubscribed address travels as such").isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anExportPagesThroughTheStoreAndHonoursTheQuery(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = new SubscriberStore(db.jdbi(), Clock.systemUTC(), SubscriberImporterTest.DEFAULTS);
            SubscriberImporter importer = new SubscriberImporter(store, ConfigDefaults.config().topics());
            StringBuilder file = new StringBuilder("email,name,topics,frequency,timezone,locale\n");
            for (int i = 0; i < 1203; i++) {
                file.append("reader").append(i).append("@example.org,Reader ").append(i).append(',')
                        .append(i % 2 == 0 ? "oncology" : "cardiology").append(",daily,UTC,en\n");
            }
            assertThat(importer.importReader(new StringReader(file.toString()), "many").added()).isEqualTo(1203);

            StringWriter all = new StringWriter();
            assertThat(new SubscriberCsvWriter().export(store, SubscriberQuery.all(), all)).isEqualTo(1203);
            assertThat(all.toString().lines()).hasSize(1204).last().asString().startsWith("reader1202@example.org,");
            StringWriter some = new StringWriter();
            assertThat(new SubscriberCsvWriter().export(store, new SubscriberQuery(null, "cardiology", null, 0, 501), some))
                    .isEqualTo(501);
            assertThat(some.toString().lines().skip(1)).allMatch(line -> line.contains(",cardiology,"));
        }
    }
}
