package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.GazetteException;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Editor's notes in the database, on H2 and PostgreSQL: a digest's window picks them, withdrawn ones drop out. */
class EditorNotesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDigestWindowHoldsTheNotesWrittenInItAndNotWithdrawn(DatabaseKind kind) {
        MutableClock clock = new MutableClock(T0);
        try (Database db = TestDatabases.open(kind)) {
            EditorNotes notes = new EditorNotes(db.jdbi(), clock);
            EditorNote first = notes.write("  First **note**  ", "Ed");
            clock.advance(Duration.ofHours(1));
            EditorNote second = notes.write("Second", "Ed");
            clock.advance(Duration.ofHours(1));
            EditorNote third = notes.write("Third", "Flo");

            assertThat(first.markdown()).isEqualTo("First **note**");
            assertThat(first.createdAt()).isEqualTo(T0);
            assertThat(first.createdBy()).isEqualTo("Ed");
            assertThat(notes.writtenIn(T0, T0.plus(Duration.ofHours(2)))).extracting(EditorNote::id)
                    .containsExactly(first.id(), second.id());
            assertThat(notes.writtenIn(T0.plusSeconds(1), T0.plus(Duration.ofHours(3)))).extracting(EditorNote::id)
                    .containsExactly(second.id(), third.id());
            assertThat(notes.writtenIn(T0, T0)).isEmpty();

            assertThat(notes.withdraw(second.id(), "Flo")).isTrue();
            assertThat(notes.withdraw(second.id(), "Flo")).as("withdrawn once").isFalse();
            assertThat(notes.writtenIn(T0, T0.plus(Duration.ofHours(3)))).extracting(EditorNote::id)
                    .containsExactly(first.id(), third.id());
            EditorNote withdrawn = notes.find(second.id()).orElseThrow();
            assertThat(withdrawn.withdrawn()).isTrue();
            assertThat(withdrawn.withdrawnBy()).isEqualTo("Flo");
            assertThat(notes.list(10)).extracting(EditorNote::id).containsExactly(third.id(), second.id(), first.id());

            clock.advance(Duration.ofHours(1));
            EditorNote revised = notes.revise(first.id(), "First note, revised", "Ed");
            assertThat(revised.markdown()).isEqualTo("First note, revised");
            assertThat(revised.createdAt()).as("keeps its moment").isEqualTo(T0);
            assertThat(revised.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
            assertThatThrownBy(() -> notes.revise(second.id(), "x", "Ed")).hasMessageContaining("withdrawn");
            assertThatThrownBy(() -> notes.revise(999, "x", "Ed")).hasMessageContaining("no note 999");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anEmptyOrOverlongNoteOrNoNameIsRefused(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            EditorNotes notes = new EditorNotes(db.jdbi(), new MutableClock(T0));
            assertThatThrownBy(() -> notes.write("  ", "Ed")).isInstanceOf(GazetteException.class)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> notes.write("x".repeat(EditorNotes.MAX_LENGTH + 1), "Ed"))
                    .hasMessageContaining("at most " + EditorNotes.MAX_LENGTH);
            assertThatThrownBy(() -> notes.write("Hello", " ")).hasMessageContaining("who");
            assertThat(notes.write("x".repeat(EditorNotes.MAX_LENGTH), "Ed").markdown()).hasSize(EditorNotes.MAX_LENGTH);
            assertThat(notes.list(10)).hasSize(1);
        }
    }
}
