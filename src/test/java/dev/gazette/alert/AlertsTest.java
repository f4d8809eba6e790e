package dev.gazette.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.alert.query.InvalidQueryException;
import dev.gazette.alert.query.QueryProblem;
import dev.gazette.config.AlertsConfig;
import dev.gazette.config.ConfigDefaults;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.config.TopicConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.CanonicalLinks;
import dev.gazette.item.Item;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemStore;
import dev.gazette.source.SourceStore;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.SubscriberStore;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Alerts kept in a real database: limits, matching new items once (across runs and restarts), only items collected
 * after an alert was made, pausing, the volume admins see, and "test this query" over the test window.
 */
class AlertsTest {
    private static final AlertsConfig LIMITS = new AlertsConfig(2, 60, Duration.ofMinutes(15), Duration.ofDays(30), 10);

    private final MutableClock clock = new MutableClock("2026-11-28T10:00:00Z");

    private final class World implements AutoCloseable {
        final Database db;
        final ItemStore items;
        final SubscriberStore subscribers;
        Alerts alerts;

        World(DatabaseKind kind) {
            db = TestDatabases.open(kind);
            new SourceStore(db.jdbi(), clock).sync(List.of(new SourceConfig("wire", "Wire", SourceType.FEED,
                    "https://wire.example.org/feed", Duration.ofHours(1), "", List.of(), true, null)));
            items = new ItemStore(db.jdbi(), clock);
            subscribers = new SubscriberStore(db.jdbi(), clock, ConfigDefaults.config().subscribers());
            alerts = restart();
        }

        /** A new Alerts on the same database, as after a restart. */
        Alerts restart() {
            List<String> topics = ConfigDefaults.config().topics().stream().map(TopicConfig::slug).toList();
            alerts = new Alerts(new AlertStore(db.jdbi(), clock), items, LIMITS, topics, clock);
            return alerts;
        }

        Subscriber subscriber(String email) {
            subscribers.upsert(new SubscriberDraft(email, "", List.of("oncology"), Frequency.WEEKLY,
                    ZoneId.of("UTC"), Locale.ENGLISH, null, null));
            return subscribers.findByEmail(email).orElseThrow();
        }

        void collect(String guid, String title, String summary, String... topics) {
            String link = "https://wire.example.org/" + guid;
            items.save("wire", new ItemDraft(ItemKind.ARTICLE, guid, link, CanonicalLinks.key(link, null), title,
                    "<p>" + summary + "</p>", summary, List.of(), clock.instant(), null, null, null, false, null, null,
                    List.of(topics)));
        }

        /** A row of the delivery ledger for an alert email, as the delivery planner writes it. */
        long ledgerRow(Subscriber subscriber, String edition) {
            return db.jdbi().withHandle(h -> h.createUpdate("""
                    INSERT INTO delivery (subscriber_id, edition, kind, window_start, window_end, recipient, status,
                                          message_id, created_at, updated_at)
                    VALUES (:s, :e, 'ALERT', :now, :now, :to, 'QUEUED', :e, :now, :now)""")
                    .bind("s", subscriber.id()).bind("e", edition).bind("now", clock.instant())
                    .bind("to", subscriber.email())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anItemMatchesAnAlertOnceAcrossRunsAndRestartsAndOnlyIfCollectedAfterTheAlertWasMade(DatabaseKind kind) {
        try (World w = new World(kind)) {
            Subscriber ana = w.subscriber("ana@example.org");
            w.collect("old", "Pancreatic cancer vaccine, an older story", "Collected before the alert.", "oncology");
            clock.advance(Duration.ofMinutes(1));
            Alert alert = w.alerts.create(ana, "\"pancreatic cancer\" OR lymphoma", AlertFrequency.INSTANT);
            clock.advance(Duration.ofMinutes(1));
            w.collect("new", "Pancreatic cancer vaccine shrinks tumours", "A Phase 2 trial.", "oncology");
            w.collect("other", "Heart failure drug", "Cardiology.");
            w.collect("lymph", "Lymphoma study", "Blood cancer.", "oncology");

            Alerts.MatchReport first = w.alerts.matchNew();

            assertThat(first.matched()).isEqualTo(2);
            assertThat(first.checked()).as("every unchecked item, the old one included").isEqualTo(4);
            assertThat(w.alerts.matchNew().matched()).as("nothing left to match").isZero();
            assertThat(w.restart().matchNew().matched()).isZero();
            List<WaitingMatches> waiting = w.alerts.store().waiting();
            assertThat(waiting).singleElement().satisfies(m -> {
                assertThat(m.subscriberId()).isEqualTo(ana.id());
                assertThat(m.frequency()).isEqualTo(AlertFrequency.INSTANT);
                assertThat(m.count()).isEqualTo(2);
            });
            assertThat(w.alerts.store().recentMatches(alert.id(), 10)).extracting(AlertMatch::itemId)
                    .containsExactlyInAnyOrderElementsOf(idsOf(w.items, "new", "lymph"));
            AlertVolume volume = w.alerts.store().volumes(List.of(alert.id())).get(alert.id());
            assertThat(volume).isEqualTo(new AlertVolume(2, 2, 2, 2, clock.instant()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMatchGoesToOneEmailOnlyAndAPausedAlertDropsWhatWaited(DatabaseKind kind) {
        try (World w = new World(kind)) {
            Subscriber ana = w.subscriber("ana@example.org");
            Alert instant = w.alerts.create(ana, "vaccine", AlertFrequency.INSTANT);
            Alert daily = w.alerts.create(ana, "measles", AlertFrequency.DAILY);
            clock.advance(Duration.ofMinutes(1));
            w.collect("a", "Measles vaccine drive", "Children.");
            w.alerts.matchNew();

            // two emails ask at once: the instant alert's match goes to the first only
            long first = w.ledgerRow(ana, "alert:1");
            long second = w.ledgerRow(ana, "alert:2");
            assertThat(w.alerts.store().claim(first, ana.id(), AlertFrequency.INSTANT, clock.instant())).isEqualTo(1);
            assertThat(w.alerts.store().claim(second, ana.id(), AlertFrequency.INSTANT, clock.instant())).isZero();
            assertThat(w.alerts.store().claim(first, ana.id(), AlertFrequency.INSTANT, clock.instant()))
                    .as("a retry of the same email takes nothing new").isZero();
            assertThat(w.alerts.store().ofDelivery(first)).extracting(AlertMatch::alertId).containsExactly(instant.id());
            assertThat(w.alerts.store().ofDelivery(second)).isEmpty();

            w.alerts.pause(daily.id());
            assertThat(w.alerts.store().waiting()).as("the paused alert's match was dropped").isEmpty();
            clock.advance(Duration.ofMinutes(1));
            w.collect("b", "Measles cases climb", "Regions.");
            assertThat(w.alerts.matchNew().matched()).as("a paused alert matches nothing").isZero();
            w.alerts.resume(daily.id());
            clock.advance(Duration.ofMinutes(1));
            w.collect("c", "Measles outbreak ends", "Good news.");
            assertThat(w.alerts.matchNew().matched()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void limitsAndInvalidQueriesStoreNothing(DatabaseKind kind) {
        try (World w = new World(kind)) {
            Subscriber ana = w.subscriber("ana@example.org");
            assertThatThrownBy(() -> w.alerts.create(ana, "cancer \"phase 2", AlertFrequency.DAILY))
                    .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                        assertThat(e.problem().kind()).isEqualTo(QueryProblem.Kind.UNCLOSED_QUOTE);
                        assertThat(e.problem().column()).isEqualTo(8);
                    });
            assertThatThrownBy(() -> w.alerts.create(ana, "x".repeat(61), AlertFrequency.DAILY))
                    .isInstanceOfSatisfying(InvalidQueryException.class,
                            e -> assertThat(e.problem().kind()).isEqualTo(QueryProblem.Kind.TOO_LONG));
            assertThat(w.alerts.of(ana.id())).isEmpty();

            w.alerts.create(ana, "cancer", AlertFrequency.DAILY);
            w.alerts.create(ana, "measles", AlertFrequency.WEEKLY);
            assertThatThrownBy(() -> w.alerts.create(ana, "malaria", AlertFrequency.DAILY))
                    .isInstanceOf(AlertLimitException.class)
                    .hasMessageContaining("ana@example.org has 2 alerts already")
                    .hasMessageContaining("alerts.max-per-subscriber");
            assertThat(w.alerts.of(ana.id())).extracting(Alert::query).containsExactly("cancer", "measles");
            Subscriber bo = w.subscriber("bo@example.org");
            assertThat(w.alerts.create(bo, "malaria", AlertFrequency.DAILY).subscriberId())
                    .as("the limit is per subscriber").isEqualTo(bo.id());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void testingAQueryReadsTheTestWindowOnlyAndStoresNothing(DatabaseKind kind) {
        try (World w = new World(kind)) {
            w.collect("ancient", "Cancer screening at 45, an old plan", "Old.");
            clock.advance(Duration.ofDays(31));
            w.collect("recent", "Cancer screening at 45 starts", "New plan.");
            w.collect("noise", "Malaria nets", "Unrelated.");

            Alerts.QueryTest test = w.alerts.test("cancer screening");

            assertThat(test.matched()).extracting(Item::guid).containsExactly("recent");
            assertThat(test.scanned()).isEqualTo(2);
            assertThat(test.window()).isEqualTo(Duration.ofDays(30));
            assertThat(w.alerts.store().waiting()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void adminsListAlertsFilteredInTheDatabaseAndSeeTheTotals(DatabaseKind kind) {
        try (World w = new World(kind)) {
            Subscriber ana = w.subscriber("ana@example.org");
            Subscriber bo = w.subscriber("bo@example.org");
            Alert cancer = w.alerts.create(ana, "cancer", AlertFrequency.DAILY);
            Alert measles = w.alerts.create(ana, "measles", AlertFrequency.INSTANT);
            Alert malaria = w.alerts.create(bo, "malaria", AlertFrequency.DAILY);
            w.alerts.pause(malaria.id());
            clock.advance(Duration.ofMinutes(1));
            w.collect("m", "Measles and malaria", "Both.");
            w.alerts.matchNew();

            AlertStore store = w.alerts.store();
            assertThat(store.listing(null, AlertFrequency.DAILY, null, 10)).extracting(l -> l.alert().id())
                    .containsExactly(malaria.id(), cancer.id());
            assertThat(store.listing(null, null, true, 10)).extracting(AlertListing::subscriberEmail)
                    .containsExactly("bo@example.org");
            assertThat(store.listing(ana.id(), null, false, 10)).extracting(l -> l.alert().id())
                    .containsExactly(measles.id(), cancer.id());
            assertThat(store.listing(ana.id(), null, false, 1)).hasSize(1);
            assertThat(store.listing(null, null, null, 10).get(1).volume().total()).as("measles matched").isEqualTo(1);
            assertThat(store.totals(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(new AlertTotals(3, 1));
            assertThat(store.totals(clock.instant().plusSeconds(1))).isEqualTo(new AlertTotals(3, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anItemChangedWhileItIsMatchedIsMatchedAgainAndLaterItemsWaitForTheNextRun(DatabaseKind kind) {
        try (World w = new World(kind)) {
            w.collect("a", "Heart failure drug", "Cardiology.");
            java.time.Instant upTo = clock.instant();
            List<Item> batch = w.items.uncheckedForAlerts(0, upTo, 10);
            assertThat(batch).extracting(Item::guid).containsExactly("a");

            clock.advance(Duration.ofSeconds(1)); // meanwhile a collection changes it, and brings a new item
            w.collect("a", "Heart failure drug cuts rehospitalisation", "Cardiology.");
            w.collect("b", "Measles cases climb", "Regions.");
            assertThat(w.items.uncheckedForAlerts(0, upTo, 10)).as("the changed and the new item are for the next run")
                    .isEmpty();
            w.items.markCheckedForAlerts(batch.stream().map(Item::id).toList(), upTo);

            assertThat(w.items.uncheckedForAlerts(0, clock.instant(), 10)).as("the change is matched next time")
                    .extracting(Item::guid).containsExactly("a", "b");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void whatWaitedForAReaderWhoLeftIsNotSentWhenTheyComeBack(DatabaseKind kind) {
        try (World w = new World(kind)) {
            Subscriber ana = w.subscriber("ana@example.org");
            w.alerts.create(ana, "measles", AlertFrequency.DAILY);
            clock.advance(Duration.ofMinutes(1));
            w.collect("a", "Measles cases climb", "Regions.");
            w.alerts.matchNew();
            assertThat(w.alerts.store().waiting()).hasSize(1);

            w.subscribers.unsubscribe(ana.id());
            w.alerts.matchNew();
            w.subscribers.updateStatus(ana.id(), dev.gazette.subscriber.SubscriberStatus.ACTIVE);

            assertThat(w.alerts.store().waiting()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void requestsAtOnceCannotGoPastTheLimit(DatabaseKind kind) throws Exception {
        try (World w = new World(kind)) {
            Subscriber ana = w.subscriber("ana@example.org");
            w.alerts.create(ana, "cancer", AlertFrequency.DAILY);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String query = "malaria" + i;
                tries.add(pool.submit(() -> {
                    start.await();
                    try {
                        w.alerts.create(ana, query, AlertFrequency.DAILY);
                        return true;
                    } catch (AlertLimitException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int made = 0;
            for (java.util.concurrent.Future<Boolean> t : tries) {
                made += t.get() ? 1 : 0;
            }
            pool.shutdown();

            assertThat(made).isEqualTo(1);
            assertThat(w.alerts.of(ana.id())).hasSize(2);
        }
    }

    @Test
    void closingStopsTheMatchersThread() throws Exception {
        long before = purgeThreads();
        Alerts alerts;
        try (World w = new World(DatabaseKind.H2)) {
            alerts = w.alerts;
            w.collect("a", "Measles cases climb", "Regions."); // the matcher starts with the first item to match
            alerts.matchNew();
            assertThat(purgeThreads()).isGreaterThan(before);
            alerts.close();
        }
        for (int i = 0; i < 50 && purgeThreads() > before; i++) {
            Thread.sleep(20);
        }
        assertThat(purgeThreads()).isEqualTo(before);
    }

    private static long purgeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().contains("cache-purge")).count();
    }

    private static List<Long> idsOf(ItemStore items, String... guids) {
        List<String> wanted = List.of(guids);
        return items.list(dev.gazette.item.ItemQuery.all()).stream().filter(i -> wanted.contains(i.guid()))
                .map(Item::id).toList();
    }
}
