package dev.gazette.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.GazetteException;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the public pages need from the store, on H2 and on PostgreSQL: sign-ups, preferences, expiring sign-ups. */
class SubscriberSignUpStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static SubscriberStore store(Database db, MutableClock clock) {
        return new SubscriberStore(db.jdbi(), clock, SubscriberStoreTest.DEFAULTS);
    }

    private static SubscriberDraft draft(String email, String name) {
        return new SubscriberDraft(email, name, List.of("oncology", "cardiology"), Frequency.WEEKLY,
                ZoneId.of("Asia/Seoul"), Locale.KOREAN, null, null);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSignUpAddsANewAddressAsPendingAndLeavesAKnownOneExactlyAsItIs(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db, new MutableClock(NOW));
            store.upsert(draft("known@example.org", "Known"));
            Subscriber known = store.findByEmail("known@example.org").orElseThrow();
            store.upsert(draft("left@example.org", "Left"));
            store.unsubscribe(store.findByEmail("left@example.org").orElseThrow().id());
            Subscriber left = store.findByEmail("left@example.org").orElseThrow();

            Subscriber pending = store.signUp(draft("New@Example.org", "New")).orElseThrow();

            assertThat(pending.status()).isEqualTo(SubscriberStatus.PENDING);
            assertThat(pending.confirmedAt()).isNull();
            assertThat(pending.createdAt()).isEqualTo(NOW);
            assertThat(pending.topics()).containsExactly("cardiology", "oncology");
            assertThat(pending.sendDay()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(store.find(pending.id())).contains(pending);

            assertThat(store.signUp(new SubscriberDraft("KNOWN@example.org", "Mallory", List.of("cardiology"),
                    Frequency.DAILY, ZoneId.of("UTC"), Locale.ENGLISH, DayOfWeek.FRIDAY, 3))).isEmpty();
            assertThat(store.signUp(draft("left@example.org", "Mallory"))).isEmpty();
            assertThat(store.signUp(draft("new@example.org", "Again"))).isEmpty();
            assertThat(store.findByEmail("known@example.org")).contains(known);
            assertThat(store.findByEmail("left@example.org")).contains(left);
            assertThat(store.findByEmail("new@example.org")).contains(pending);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoSignUpsOfOneAddressAtOnceStoreItOnce(DatabaseKind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db, new MutableClock(NOW));
            int threads = 4;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Optional<Subscriber>>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.signUp(draft("race@example.org", "Racer"));
                    }));
                }
                int created = 0;
                for (Future<Optional<Subscriber>> result : results) {
                    created += result.get().isPresent() ? 1 : 0;
                }
                assertThat(created).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.countByStatus().get(SubscriberStatus.PENDING)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void preferencesReplaceWhatTheSubscriberChoseButNotTheirAddressOrStatus(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MutableClock clock = new MutableClock(NOW);
            SubscriberStore store = store(db, clock);
            store.upsert(draft("pref@example.org", "Pref"));
            Subscriber before = store.findByEmail("pref@example.org").orElseThrow();

            boolean saved = store.updatePreferences(before.id(), new SubscriberPreferences("Pref Park",
                    List.of("korea-biotech", "cardiology", "korea-biotech"), Frequency.DAILY, DayOfWeek.FRIDAY, 7,
                    ZoneId.of("Europe/Berlin"), Locale.ENGLISH));

            assertThat(saved).isTrue();
            Subscriber after = store.find(before.id()).orElseThrow();
            assertThat(after).isEqualTo(new Subscriber(before.id(), before.email(), "Pref Park", SubscriberStatus.ACTIVE,
                    List.of("cardiology", "korea-biotech"), Frequency.DAILY, DayOfWeek.FRIDAY, 7,
                    ZoneId.of("Europe/Berlin"), Locale.ENGLISH, before.tokenVersion(), before.calendarVersion(), before.createdAt(),
                    before.confirmedAt()));
            assertThat(store.updatePreferences(before.id(), SubscriberPreferences.of(after).withFrequency(Frequency.PAUSED)))
                    .isTrue();
            assertThat(store.find(before.id()).orElseThrow().frequency()).isEqualTo(Frequency.PAUSED);
            assertThat(store.find(before.id()).orElseThrow().topics()).containsExactly("cardiology", "korea-biotech");
            assertThat(store.updatePreferences(999_999, SubscriberPreferences.of(after))).isFalse();
            assertThatThrownBy(() -> store.updatePreferences(before.id(), new SubscriberPreferences("x".repeat(201),
                    List.of(), Frequency.WEEKLY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), Locale.ENGLISH)))
                    .isInstanceOf(GazetteException.class).hasMessageContaining("200");
            assertThatThrownBy(() -> store.updatePreferences(before.id(), new SubscriberPreferences("", List.of(),
                    Frequency.WEEKLY, DayOfWeek.MONDAY, 24, ZoneId.of("UTC"), Locale.ENGLISH)))
                    .isInstanceOf(GazetteException.class).hasMessageContaining("24");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlySignUpsPendingSinceBeforeTheCutoffAreDeleted(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MutableClock clock = new MutableClock(NOW);
            SubscriberStore store = store(db, clock);
            Subscriber old = store.signUp(draft("old@example.org", "")).orElseThrow();
            store.upsert(draft("active@example.org", ""));
            Subscriber confirmed = store.signUp(draft("confirmed@example.org", "")).orElseThrow();
            store.updateStatus(confirmed.id(), SubscriberStatus.ACTIVE);
            clock.advance(Duration.ofHours(1));
            store.signUp(draft("recent@example.org", ""));

            assertThat(store.deletePendingOlderThan(NOW)).isZero();
            assertThat(store.deletePendingOlderThan(NOW.plusSeconds(1))).isEqualTo(1);

            assertThat(store.find(old.id())).isEmpty();
            assertThat(store.findByEmail("recent@example.org")).isPresent();
            assertThat(store.findByEmail("active@example.org")).isPresent();
            assertThat(store.findByEmail("confirmed@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.ACTIVE);
        }
    }
}
