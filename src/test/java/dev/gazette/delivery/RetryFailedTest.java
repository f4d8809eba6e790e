package dev.gazette.delivery;

import static dev.gazette.delivery.DeliveryLedgerTest.digest;
import static dev.gazette.delivery.DeliveryLedgerTest.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** "Retry failed": failed deliveries go back in the queue, attempts reset, and only those. On H2 and PostgreSQL. */
class RetryFailedTest {
    private final MutableClock clock = new MutableClock("2026-11-28T08:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failedDeliveriesOfEveryoneOrOfOneSubscriberAreQueuedAgainWithTheirAttemptsReset(DatabaseKind kind) {
        try (Database database = TestDatabases.open(kind)) {
            DeliveryLedger ledger = new DeliveryLedger(database.jdbi(), clock);
            long a = subscriber(database, "a@example.org");
            long b = subscriber(database, "b@example.org");
            long failedA = failed(ledger, a, "weekly:2026-11-16");
            long sentA = planned(ledger, a, "weekly:2026-11-23");
            ledger.claim(sentA, Duration.ofMinutes(5));
            ledger.sent(sentA, 3);
            long failedB = failed(ledger, b, "weekly:2026-11-23");
            clock.advance(Duration.ofHours(1));

            assertThat(ledger.retryFailed(a)).isEqualTo(1);

            Delivery retried = ledger.find(failedA).orElseThrow();
            assertThat(retried.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(retried.attempts()).isZero();
            assertThat(retried.nextAttemptAt()).isNull();
            assertThat(retried.updatedAt()).isEqualTo(clock.instant());
            assertThat(retried.lastError()).isEqualTo("554 5.7.1 refused");
            assertThat(ledger.find(sentA).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(ledger.find(failedB).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(ledger.claimable(10)).containsExactly(failedA);

            assertThat(ledger.retryFailed(null)).isEqualTo(1);
            assertThat(ledger.find(failedB).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(ledger.retryFailed(null)).isZero();
        }
    }

    private long planned(DeliveryLedger ledger, long subscriber, String edition) {
        ledger.plan(digest(subscriber, edition, "2026-11-09T08:00:00Z", "2026-11-16T08:00:00Z"));
        return ledger.find(subscriber, edition).orElseThrow().id();
    }

    private long failed(DeliveryLedger ledger, long subscriber, String edition) {
        long id = planned(ledger, subscriber, edition);
        ledger.claim(id, Duration.ofMinutes(5));
        ledger.failed(id, "554 5.7.1 refused");
        return id;
    }
}
