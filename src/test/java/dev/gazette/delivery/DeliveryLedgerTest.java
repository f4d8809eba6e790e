package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryLedgerTest {
    private final MutableClock clock = new MutableClock("2026-11-28T08:00:00Z");

    /** A subscriber row written directly, so the ledger is tested on its own. */
    static long subscriber(Database database, String email) {
        return database.jdbi().withHandle(h -> h.createUpdate("""
                INSERT INTO subscriber (email, email_key, name, status, frequency, send_day, send_hour, time_zone, locale,
                                        created_at, updated_at, confirmed_at)
                VALUES (:email, :email, 'Reader', 'ACTIVE', 'WEEKLY', 'MONDAY', 8, 'UTC', 'en',
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """).bind("email", email).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    static NewDelivery digest(long subscriberId, String edition, String start, String end) {
        return new NewDelivery(subscriberId, edition, DeliveryKind.DIGEST, Instant.parse(start), Instant.parse(end),
                "reader@example.org", "gazette." + subscriberId + "." + edition.replace(':', '-') + "@example.org");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void oneDeliveryPerSubscriberAndEdition(DatabaseKind kind) {
        try (Database database = TestDatabases.open(kind)) {
            DeliveryLedger ledger = new DeliveryLedger(database.jdbi(), clock);
            long id = subscriber(database, "a@example.org");

            assertThat(ledger.plan(digest(id, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"))).isTrue();
            assertThat(ledger.plan(digest(id, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-28T08:00:00Z"))).isFalse();

            Delivery stored = ledger.find(id, "weekly:2026-11-23").orElseThrow();
            assertThat(stored.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(stored.windowEnd()).isEqualTo("2026-11-23T08:00:00Z");
            assertThat(stored.attempts()).isZero();
            assertThat(stored.messageId()).isEqualTo("gazette." + id + ".weekly-2026-11-23@example.org");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBatchOfPlansOneOfWhichAnotherPlannerWroteMeanwhileWritesTheOthersOnce(DatabaseKind kind) {
        try (Database database = TestDatabases.open(kind)) {
            DeliveryLedger ledger = new DeliveryLedger(database.jdbi(), clock);
            List<NewDelivery> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long subscriber = subscriber(database, "p" + i + "@example.org");
                batch.add(digest(subscriber, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"));
            }
            assertThat(ledger.plan(batch.get(3))).isTrue(); // the other planner's row

            assertThat(ledger.planAll(batch)).isEqualTo(4);
            assertThat(ledger.planAll(batch)).isZero();
            assertThat(ledger.claimable(100)).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sendersClaimingOverlappingBatchesAtOnceTakeEachDeliveryOnce(DatabaseKind kind) throws Exception {
        try (Database database = TestDatabases.open(kind)) {
            DeliveryLedger ledger = new DeliveryLedger(database.jdbi(), clock);
            for (int i = 0; i < 60; i++) {
                long subscriber = subscriber(database, "r" + i + "@example.org");
                ledger.plan(digest(subscriber, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"));
            }
            List<Long> ids = ledger.claimable(100);
            assertThat(ids).hasSize(60);

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Long> taken = new java.util.ArrayList<>();
            try {
                // each sender asks for a window of 30 that overlaps its neighbours'
                List<Callable<List<Delivery>>> claims = new java.util.ArrayList<>();
                for (int from = 0; from <= 30; from += 10) {
                    List<Long> window = ids.subList(from, from + 30);
                    claims.add(() -> ledger.claimAll(window, Duration.ofMinutes(5)));
                    claims.add(() -> ledger.claimAll(window, Duration.ofMinutes(5)));
                }
                for (Future<List<Delivery>> f : pool.invokeAll(claims)) {
                    f.get().forEach(d -> {
                        assertThat(d.status()).isEqualTo(DeliveryStatus.SENDING);
                        assertThat(d.attempts()).isEqualTo(1);
                        taken.add(d.id());
                    });
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(taken).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
            assertThat(ledger.claimAll(ids, Duration.ofMinutes(5))).isEmpty(); // all held by their lease
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void ofManySendersClaimingAtOnceExactlyOneWins(DatabaseKind kind) throws Exception {
        try (Database database = TestDatabases.open(kind)) {
            DeliveryLedger ledger = new DeliveryLedger(database.jdbi(), clock);
            long subscriber = subscriber(database, "a@example.org");
            ledger.plan(digest(subscriber, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"));
            long id = ledger.claimable(10).get(0);

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Boolean>> claims = java.util.Collections.nCopies(8, () -> ledger.claim(id, Duration.ofMinutes(5)));
                long winners = 0;
                for (Future<Boolean> f : pool.invokeAll(claims)) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            Delivery claimed = ledger.find(id).orElseThrow();
            assertThat(claimed.status()).isEqualTo(DeliveryStatus.SENDING);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(ledger.claimable(10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aClaimLeftByACrashIsTakenUpWhenItsLeaseRunsOut(DatabaseKind kind) {
        try (Database database = TestDatabases.open(kind)) {
            DeliveryLedger ledger = new DeliveryLedger(database.jdbi(), clock);
            long subscriber = subscriber(database, "a@example.org");
            ledger.plan(digest(subscriber, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"));
            long id = ledger.claimable(10).get(0);
            assertThat(ledger.claim(id, Duration.ofMinutes(5))).isTrue();

            clock.advance(Duration.ofMinutes(4));
            assertThat(ledger.claimable(10)).isEmpty();
            assertThat(ledger.claim(id, Duration.ofMinutes(5))).isFalse();

            clock.advance(Duration.ofMinutes(1));
            assertThat(ledger.claimable(10)).containsExactly(id);
            assertThat(ledger.claim(id, Duration.ofMinutes(5))).isTrue();
            assertThat(ledger.find(id).orElseThrow().attempts()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void retriesWaitTheirTurnAndFinishedDeliveriesAreNeverClaimed(DatabaseKind kind) {
        try (Database database = TestDatabases.open(kind)) {
            DeliveryLedger ledger = new DeliveryLedger(database.jdbi(), clock);
            long a = subscriber(database, "a@example.org");
            long b = subscriber(database, "b@example.org");
            ledger.plan(digest(a, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"));
            ledger.plan(digest(b, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"));
            long first = ledger.find(a, "weekly:2026-11-23").orElseThrow().id();
            long second = ledger.find(b, "weekly:2026-11-23").orElseThrow().id();

            ledger.claim(first, Duration.ofMinutes(5));
            ledger.retryAt(first, "421 try later", clock.instant().plusSeconds(30));
            ledger.claim(second, Duration.ofMinutes(5));
            ledger.sent(second, 7);

            assertThat(ledger.claimable(10)).isEmpty();
            assertThat(ledger.nextRetry()).contains(clock.instant().plusSeconds(30));
            clock.advance(Duration.ofSeconds(30));
            assertThat(ledger.claimable(10)).containsExactly(first);

            Delivery sent = ledger.find(second).orElseThrow();
            assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.sentAt()).isNotNull();
            assertThat(sent.itemCount()).isEqualTo(7);
            assertThat(ledger.find(first).orElseThrow().lastError()).isEqualTo("421 try later");
            assertThat(ledger.countByStatus()).containsEntry(DeliveryStatus.SENT, 1).containsEntry(DeliveryStatus.QUEUED, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theNextWindowStartsWhereTheLastSentOrSkippedDigestEnded(DatabaseKind kind) {
        try (Database database = TestDatabases.open(kind)) {
            DeliveryLedger ledger = new DeliveryLedger(database.jdbi(), clock);
            long a = subscriber(database, "a@example.org");
            long b = subscriber(database, "b@example.org");
            ledger.plan(digest(a, "weekly:2026-11-16", "2026-11-09T08:00:00Z", "2026-11-16T08:00:00Z"));
            ledger.plan(digest(a, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"));
            ledger.plan(digest(b, "weekly:2026-11-23", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z"));
            ledger.skipped(ledger.find(a, "weekly:2026-11-16").orElseThrow().id(), "nothing new", 0);
            ledger.failed(ledger.find(a, "weekly:2026-11-23").orElseThrow().id(), "550 no such user");

            Map<Long, Instant> ends = ledger.lastWindowEnds(List.of(a, b));

            // a's failed digest does not count: its articles go into the next one; b has none yet
            assertThat(ends).containsExactly(Map.entry(a, Instant.parse("2026-11-16T08:00:00Z")));
        }
    }
}
