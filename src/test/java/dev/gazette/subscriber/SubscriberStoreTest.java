package dev.gazette.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.GazetteException;
import dev.gazette.config.SubscribersConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs on H2 and on PostgreSQL: every query must work on both. */
class SubscriberStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final SubscribersConfig DEFAULTS =
            new SubscribersConfig(Path.of("subscribers"), true, "UTC", "en", DayOfWeek.MONDAY, 8, java.time.Duration.ofHours(48));

    static SubscriberStore store(Database db) {
        return new SubscriberStore(db.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC), DEFAULTS);
    }

    static SubscriberDraft draft(String email, String name, List<String> topics, Frequency frequency) {
        return new SubscriberDraft(email, name, topics, frequency, ZoneId.of("Asia/Seoul"), Locale.forLanguageTag("ko"),
                null, null);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void addsAnImportedAddressAsActiveWithDefaultsAndFindsItIgnoringCase(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);

            UpsertOutcome outcome = store.upsert(draft("Jisoo.Kim@Example.org", "김지수",
                    List.of("oncology", "korea-biotech", "oncology"), Frequency.DAILY));

            assertThat(outcome).isEqualTo(UpsertOutcome.NEW);
            Subscriber stored = store.findByEmail("jisoo.kim@EXAMPLE.ORG").orElseThrow();
            assertThat(stored.email()).isEqualTo("Jisoo.Kim@Example.org");
            assertThat(stored.name()).isEqualTo("김지수");
            assertThat(stored.status()).isEqualTo(SubscriberStatus.ACTIVE);
            assertThat(stored.confirmedAt()).isEqualTo(NOW);
            assertThat(stored.createdAt()).isEqualTo(NOW);
            assertThat(stored.topics()).containsExactly("korea-biotech", "oncology");
            assertThat(stored.timeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
            assertThat(stored.locale().toLanguageTag()).isEqualTo("ko");
            assertThat(stored.sendDay()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(stored.sendHour()).isEqualTo(8);
            assertThat(stored.tokenVersion()).isEqualTo(1);
            assertThat(store.find(stored.id())).contains(stored);
            assertThat(store.findByEmail("someone.else@example.org")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAddressDifferingOnlyInCaseIsTheSameSubscriber(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);
            store.upsert(draft("maria@example.com", "Maria", List.of("cardiology"), Frequency.WEEKLY));

            assertThat(store.upsert(draft("maria@example.com", "Maria", List.of("cardiology"), Frequency.WEEKLY)))
                    .isEqualTo(UpsertOutcome.UNCHANGED);
            assertThat(store.upsert(draft("MARIA@example.com", "Maria", List.of("cardiology"), Frequency.WEEKLY)))
                    .as("the address is stored as given, so a new spelling is an update").isEqualTo(UpsertOutcome.UPDATED);

            assertThat(store.list(SubscriberQuery.all())).singleElement()
                    .extracting(Subscriber::email).isEqualTo("MARIA@example.com");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anUpdateReplacesTopicsAndKeepsWhatTheDraftLeavesOut(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);
            store.upsert(new SubscriberDraft("jonas@example.com", "Jonas", List.of("oncology", "digital-health"),
                    Frequency.WEEKLY, ZoneId.of("Europe/Berlin"), Locale.ENGLISH, DayOfWeek.FRIDAY, 17));

            UpsertOutcome outcome = store.upsert(new SubscriberDraft("jonas@example.com", "Jonas Weber",
                    List.of("health-policy"), Frequency.DAILY, null, null, null, null));

            assertThat(outcome).isEqualTo(UpsertOutcome.UPDATED);
            Subscriber jonas = store.findByEmail("jonas@example.com").orElseThrow();
            assertThat(jonas.name()).isEqualTo("Jonas Weber");
            assertThat(jonas.topics()).containsExactly("health-policy");
            assertThat(jonas.frequency()).isEqualTo(Frequency.DAILY);
            assertThat(jonas.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(jonas.locale()).isEqualTo(Locale.ENGLISH);
            assertThat(jonas.sendDay()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(jonas.sendHour()).isEqualTo(17);
            assertThat(store.upsert(new SubscriberDraft("jonas@example.com", "Jonas Weber", List.of("health-policy"),
                    Frequency.DAILY, null, null, null, null))).isEqualTo(UpsertOutcome.UNCHANGED);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anImportNeverBringsBackAnAddressThatUnsubscribedOrBounced(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);
            store.upsert(draft("gone@example.org", "Gone", List.of("oncology"), Frequency.DAILY));
            store.upsert(draft("bounced@example.org", "Bounced", List.of("oncology"), Frequency.DAILY));
            long gone = store.findByEmail("gone@example.org").orElseThrow().id();
            long bounced = store.findByEmail("bounced@example.org").orElseThrow().id();
            assertThat(store.unsubscribe(gone)).isTrue();
            assertThat(store.markBounced(bounced, "550 5.1.1 no such user")).isTrue();

            assertThat(store.upsert(draft("gone@example.org", "Gone again", List.of("cardiology"), Frequency.DAILY)))
                    .isEqualTo(UpsertOutcome.KEPT_INACTIVE);
            assertThat(store.upsert(draft("BOUNCED@example.org", "Bounced", List.of("oncology"), Frequency.DAILY)))
                    .isEqualTo(UpsertOutcome.KEPT_INACTIVE);
            assertThat(store.upsert(draft("gone@example.org", "Gone", List.of("oncology"), Frequency.DAILY),
                    SubscriberStatus.UNSUBSCRIBED)).as("a file that says the same").isEqualTo(UpsertOutcome.UNCHANGED);

            Subscriber stillGone = store.find(gone).orElseThrow();
            assertThat(stillGone.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
            assertThat(stillGone.name()).as("nothing was written").isEqualTo("Gone");
            assertThat(store.find(bounced).orElseThrow().status()).isEqualTo(SubscriberStatus.BOUNCED);
            assertThat(store.unsubscribe(gone)).as("already unsubscribed").isFalse();
            assertThat(store.markBounced(gone, "late bounce")).as("an unsubscribed address stays unsubscribed").isFalse();
            assertThat(store.activeBatch(null, 0, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFileMayEndASubscriptionButNeverActivateAPendingOne(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);
            assertThat(store.upsert(draft("pending@example.org", "P", List.of("oncology"), Frequency.DAILY),
                    SubscriberStatus.PENDING)).isEqualTo(UpsertOutcome.NEW);
            store.upsert(draft("leaving@example.org", "L", List.of("oncology"), Frequency.DAILY));

            assertThat(store.upsert(draft("pending@example.org", "P", List.of("oncology"), Frequency.DAILY)))
                    .isEqualTo(UpsertOutcome.UNCHANGED);
            assertThat(store.upsert(draft("leaving@example.org", "L", List.of("oncology"), Frequency.DAILY),
                    SubscriberStatus.UNSUBSCRIBED)).isEqualTo(UpsertOutcome.UPDATED);
            assertThat(store.upsert(draft("new-bounce@example.org", "B", List.of("oncology"), Frequency.DAILY),
                    SubscriberStatus.BOUNCED)).isEqualTo(UpsertOutcome.NEW);

            Subscriber pending = store.findByEmail("pending@example.org").orElseThrow();
            assertThat(pending.status()).isEqualTo(SubscriberStatus.PENDING);
            assertThat(pending.confirmedAt()).isNull();
            assertThat(store.findByEmail("leaving@example.org").orElseThrow().status())
                    .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
            assertThat(store.countByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(SubscriberStatus.PENDING, 1,
                    SubscriberStatus.ACTIVE, 0, SubscriberStatus.UNSUBSCRIBED, 1, SubscriberStatus.BOUNCED, 1));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void activeBatchesStreamDigestRecipientsInIdOrderByFrequency(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);
            for (int i = 1; i <= 7; i++) {
                Frequency frequency = i % 3 == 0 ? Frequency.PAUSED : i % 2 == 0 ? Frequency.WEEKLY : Frequency.DAILY;
                store.upsert(draft("reader" + i + "@example.org", "Reader " + i, List.of("oncology"), frequency));
            }
            store.unsubscribe(store.findByEmail("reader5@example.org").orElseThrow().id());

            List<String> all = new ArrayList<>();
            long after = 0;
            for (List<Subscriber> batch = store.activeBatch(null, after, 2); !batch.isEmpty();
                    batch = store.activeBatch(null, after, 2)) {
                assertThat(batch).hasSizeLessThanOrEqualTo(2).allSatisfy(s -> assertThat(s.topics()).containsExactly("oncology"));
                batch.forEach(s -> all.add(s.email()));
                after = batch.get(batch.size() - 1).id();
            }

            assertThat(all).containsExactly("reader1@example.org", "reader2@example.org", "reader4@example.org",
                    "reader7@example.org");
            assertThat(store.activeBatch(Frequency.WEEKLY, 0, 10)).extracting(Subscriber::email)
                    .containsExactly("reader2@example.org", "reader4@example.org");
            assertThat(store.activeBatch(Frequency.DAILY, 0, 10)).extracting(Subscriber::email)
                    .containsExactly("reader1@example.org", "reader7@example.org");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void listsFilterByStatusTopicAndTextAndPage(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);
            store.upsert(draft("jisoo@example.org", "김지수", List.of("korea-biotech"), Frequency.DAILY));
            store.upsert(draft("maria@example.com", "Maria Lopez", List.of("cardiology", "health-policy"), Frequency.WEEKLY));
            store.upsert(draft("under_score@example.com", "100% Sam", List.of("cardiology"), Frequency.DAILY));
            store.unsubscribe(store.findByEmail("maria@example.com").orElseThrow().id());

            assertThat(store.list(new SubscriberQuery(null, "cardiology", null, 0, 10))).extracting(Subscriber::email)
                    .containsExactly("maria@example.com", "under_score@example.com");
            assertThat(store.list(new SubscriberQuery(SubscriberStatus.ACTIVE, "cardiology", null, 0, 10)))
                    .extracting(Subscriber::email).containsExactly("under_score@example.com");
            assertThat(store.list(new SubscriberQuery(null, null, "지수", 0, 10))).extracting(Subscriber::name)
                    .containsExactly("김지수");
            assertThat(store.list(new SubscriberQuery(null, null, "LOPEZ", 0, 10))).extracting(Subscriber::name)
                    .containsExactly("Maria Lopez");
            assertThat(store.list(new SubscriberQuery(null, null, "EXAMPLE.COM", 0, 10))).hasSize(2);
            assertThat(store.list(new SubscriberQuery(null, null, "%", 0, 10))).as("% is literal")
                    .extracting(Subscriber::name).containsExactly("100% Sam");
            assertThat(store.list(new SubscriberQuery(null, null, "d_r", 0, 10))).as("_ is literal").isEmpty();

            List<Subscriber> first = store.list(new SubscriberQuery(null, null, null, 0, 2));
            assertThat(first).hasSize(2);
            assertThat(store.list(new SubscriberQuery(null, null, null, first.get(1).id(), 2)))
                    .extracting(Subscriber::email).containsExactly("under_score@example.com");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void statusChangesRevocationAndDeletion(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);
            store.upsert(draft("x@example.org", "X", List.of("oncology"), Frequency.DAILY), SubscriberStatus.PENDING);
            long id = store.findByEmail("x@example.org").orElseThrow().id();

            assertThat(store.updateStatus(id, SubscriberStatus.ACTIVE)).isTrue();
            assertThat(store.updateStatus(id, SubscriberStatus.ACTIVE)).isFalse();
            assertThat(store.find(id).orElseThrow().confirmedAt()).isEqualTo(NOW);
            assertThat(store.revokeTokens(id)).isEqualTo(2);
            assertThat(store.revokeTokens(id)).isEqualTo(3);
            assertThat(store.find(id).orElseThrow().tokenVersion()).isEqualTo(3);
            assertThat(store.find(id).orElseThrow().calendarVersion()).as("revoking all links renews the feed's too")
                    .isEqualTo(3);
            assertThat(store.revokeCalendar(id)).isEqualTo(4);
            assertThat(store.find(id).orElseThrow().calendarVersion()).isEqualTo(4);
            assertThat(store.find(id).orElseThrow().tokenVersion()).as("the links in emails stay").isEqualTo(3);
            assertThatThrownBy(() -> store.revokeCalendar(id + 1000)).isInstanceOf(GazetteException.class);
            assertThat(store.markBounced(id, "x".repeat(5000))).as("a long reason is cut, not refused").isTrue();
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(SubscriberStatus.BOUNCED);

            assertThat(store.delete(id)).isTrue();
            assertThat(store.find(id)).isEmpty();
            assertThat(store.delete(id)).isFalse();
            assertThat(store.unsubscribe(id)).isFalse();
            assertThatThrownBy(() -> store.revokeTokens(id)).isInstanceOf(GazetteException.class)
                    .hasMessageContaining("no subscriber with id " + id);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void refusesADraftWithAnInvalidAddress(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            assertThatThrownBy(() -> store(db).upsert(draft("Kim <kim@example.org>", "Kim", List.of(), Frequency.DAILY)))
                    .isInstanceOf(GazetteException.class).hasMessageContaining("invalid address 'Kim <kim@example.org>'");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrentUpsertsOfTheSameNewAddressStoreItOnce(DatabaseKind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            SubscriberStore store = store(db);
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (int round = 0; round < 20; round++) {
                    String email = "race" + round + "@example.org";
                    CyclicBarrier start = new CyclicBarrier(threads);
                    List<Future<UpsertOutcome>> outcomes = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        String spelling = t % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
                        outcomes.add(pool.submit(() -> {
                            start.await();
                            return store.upsert(draft(spelling, "Racer", List.of("oncology"), Frequency.DAILY));
                        }));
                    }
                    List<UpsertOutcome> results = new ArrayList<>();
                    for (Future<UpsertOutcome> outcome : outcomes) {
                        results.add(outcome.get());
                    }
                    assertThat(results).as(email).containsOnlyOnce(UpsertOutcome.NEW);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.list(SubscriberQuery.all())).hasSize(20);
        }
    }
}
