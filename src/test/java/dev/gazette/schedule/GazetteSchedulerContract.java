package dev.gazette.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.GazetteException;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

/**
 * What the scheduler promises for collection and for the digest trigger, on a real database that survives
 * restarts. Each subclass runs
 * every test on one database kind; {@link #jdbcUrl()} names a database of its own for each test.
 */
abstract class GazetteSchedulerContract {
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofSeconds(2);

    private Database database;
    private GazetteScheduler scheduler;
    private RecordingCollection collection;
    private RecordingDigests digests;

    /** The same database for the whole of one test (so it survives restarts), a fresh one for the next. */
    protected abstract String jdbcUrl();

    protected abstract DatabaseKind kind();

    protected String user() {
        return null;
    }

    /** Start Gazette's side of scheduling as {@code serve} does: open the database, then the scheduler. */
    private GazetteScheduler open() {
        database = openDatabase();
        collection = new RecordingCollection();
        digests = new RecordingDigests();
        scheduler = new GazetteScheduler(database, collection, digests);
        return scheduler;
    }

    private Database openDatabase() {
        return Database.open(jdbcUrl(), user(), "", 4);
    }

    /** Stop as {@code serve} does on shutdown: the scheduler, then the database. */
    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    private GazetteScheduler restart() {
        close();
        return open();
    }

    @Test
    void runsOnTheDatabaseKindsDelegate() {
        open();
        assertThat(database.kind()).isEqualTo(kind());
        assertThat(database.kind().quartzDelegate()).endsWith(
                kind() == DatabaseKind.POSTGRESQL ? ".PostgreSQLDelegate" : ".StdJDBCDelegate");
    }

    @Test
    void collectsANewSourceAtOnceWhenAsked() throws InterruptedException {
        open().start(List.of(every("news", Duration.ofHours(1))), true);

        assertThat(collection.await("news", 1, PROMPTLY)).as("collected at once").isTrue();
        Map<String, Instant> next = scheduler.nextRuns();
        assertThat(next).containsOnlyKeys("news");
        assertThat(next.get("news")).isBetween(Instant.now().plus(Duration.ofMinutes(59)),
                Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void schedulesANewSourceOneIntervalAheadOtherwise() throws InterruptedException {
        Instant before = Instant.now();
        open().start(List.of(every("news", Duration.ofMinutes(1))), false);

        assertThat(scheduler.nextRuns().get("news")).isBetween(before.plusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(collection.await("news", 1, QUIET)).as("collected too early").isFalse();
    }

    @Test
    void collectsAgainAfterEachShortInterval() throws InterruptedException {
        open().start(List.of(every("fast", Duration.ofSeconds(1))), true);

        assertThat(collection.await("fast", 3, PROMPTLY)).as("three collections, one a second").isTrue();
    }

    @Test
    void restartKeepsTheStoredSchedule() throws InterruptedException {
        List<SourceConfig> sources = List.of(every("news", Duration.ofMinutes(1)), every("blog", Duration.ofHours(6)));
        open().start(sources, false);
        Map<String, Instant> before = scheduler.nextRuns();
        assertThat(before).containsOnlyKeys("news", "blog");

        Thread.sleep(1100); // a schedule made afresh now would differ by more than a second
        restart().start(sources, true);

        assertThat(scheduler.nextRuns()).isEqualTo(before);
        assertThat(collection.await("news", 1, QUIET)).as("a kept schedule is not collected at once").isFalse();
        assertThat(collection.calls()).isEmpty();
    }

    @Test
    void runsMissedCollectionsOnceAfterDowntime() throws Exception {
        List<SourceConfig> sources = List.of(every("news", Duration.ofMinutes(1)), cron("nightly", "0 0 3 * * ?"));
        open().start(sources, false);
        close();
        try (Database db = openDatabase()) { // ten one-minute slots go by, far more than the misfire threshold
            assertThat(update(db, "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ?", minutesAgo(10))).isEqualTo(2);
        }

        open().start(sources, false);

        assertThat(collection.await("news", 1, PROMPTLY)).as("the missed collection runs").isTrue();
        assertThat(collection.await("nightly", 1, PROMPTLY)).as("the missed cron collection runs").isTrue();
        Thread.sleep(3000);
        assertThat(collection.calls()).as("each only once").containsExactlyInAnyOrder("news", "nightly");
        assertThat(scheduler.nextRuns().get("news")).isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(60));
        assertThat(scheduler.nextRuns().get("nightly"))
                .isEqualTo(new CronExpression("0 0 3 * * ?").getNextValidTimeAfter(new Date()).toInstant());
    }

    @Test
    void recoversASourceLeftRunningByACrash() throws Exception {
        List<SourceConfig> sources = List.of(every("news", Duration.ofMinutes(1)));
        open().start(sources, false);
        close();
        try (Database db = openDatabase()) { // as a crash during a collection leaves the store: blocked and firing
            update(db, "UPDATE QRTZ_TRIGGERS SET TRIGGER_STATE = 'BLOCKED', NEXT_FIRE_TIME = ?", minutesAgo(10));
            update(db, "INSERT INTO QRTZ_FIRED_TRIGGERS (SCHED_NAME, ENTRY_ID, TRIGGER_NAME, TRIGGER_GROUP,"
                    + " INSTANCE_NAME, FIRED_TIME, SCHED_TIME, PRIORITY, STATE, JOB_NAME, JOB_GROUP, IS_NONCONCURRENT,"
                    + " REQUESTS_RECOVERY) VALUES ('gazette', 'crashed1', 'news', 'collect', 'crashed', ?, ?, 5,"
                    + " 'EXECUTING', 'news', 'collect', ?, ?)", minutesAgo(11), minutesAgo(11), true, false);
        }

        open().start(sources, false);

        assertThat(collection.await("news", 1, PROMPTLY)).as("collected again").isTrue();
        assertThat(collection.await("news", 2, QUIET)).as("once").isFalse();
        assertThat(count("SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE INSTANCE_NAME = 'crashed'")).isZero();
    }

    @Test
    void refusesASecondSchedulerWhileOneIsOpen() throws InterruptedException {
        open();
        assertThatThrownBy(() -> new GazetteScheduler(database, new RecordingCollection()))
                .isInstanceOf(GazetteException.class)
                .hasMessageContaining("already open");

        scheduler.start(List.of(every("news", Duration.ofHours(1))), true);
        assertThat(collection.await("news", 1, PROMPTLY)).as("the first one still collects").isTrue();
        restart(); // and once it is closed, a new one can open
    }

    @Test
    void aChangedIntervalReplacesTheTrigger() {
        open().start(List.of(every("news", Duration.ofMinutes(1))), false);

        Instant before = Instant.now();
        restart().start(List.of(every("news", Duration.ofMinutes(2))), false);

        assertThat(scheduler.nextRuns().get("news")).isBetween(before.plusSeconds(120), Instant.now().plusSeconds(120));
        assertThat(count("SELECT COUNT(*) FROM QRTZ_SIMPLE_TRIGGERS WHERE REPEAT_INTERVAL = 120000")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM QRTZ_SIMPLE_TRIGGERS")).isEqualTo(1);
    }

    @Test
    void switchingBetweenIntervalAndCronReplacesTheTrigger() throws ParseException {
        open().start(List.of(every("news", Duration.ofMinutes(1))), false);

        restart().start(List.of(cron("news", "0 0 3 * * ?")), false);

        Date expected = new CronExpression("0 0 3 * * ?").getNextValidTimeAfter(new Date());
        assertThat(scheduler.nextRuns()).containsExactlyEntriesOf(Map.of("news", expected.toInstant()));
        assertThat(count("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM QRTZ_SIMPLE_TRIGGERS")).isZero();

        Instant before = Instant.now();
        restart().start(List.of(every("news", Duration.ofMinutes(5))), false);

        assertThat(scheduler.nextRuns().get("news")).isBetween(before.plusSeconds(300), Instant.now().plusSeconds(300));
        assertThat(count("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS")).isZero();
        assertThat(count("SELECT COUNT(*) FROM QRTZ_SIMPLE_TRIGGERS")).isEqualTo(1);
    }

    @Test
    void aRemovedOrDisabledSourceLosesItsJob() {
        SourceConfig news = every("news", Duration.ofMinutes(1));
        SourceConfig blog = every("blog", Duration.ofMinutes(1));
        SourceConfig events = cron("events", "0 0 3 * * ?");
        open().start(List.of(news, blog, events), false);
        assertThat(scheduler.nextRuns()).containsOnlyKeys("news", "blog", "events");

        restart().start(List.of(news, disabled(events)), false);

        assertThat(scheduler.nextRuns()).containsOnlyKeys("news");
        assertThat(count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM QRTZ_TRIGGERS")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS")).isZero();

        restart().start(List.of(news, events), false);
        assertThat(scheduler.nextRuns()).containsOnlyKeys("news", "events");
    }

    @Test
    void aCronSourceFiresOnItsSchedule() throws InterruptedException {
        open().start(List.of(cron("tick", "0/1 * * * * ?")), false);

        assertThat(collection.await("tick", 2, PROMPTLY)).as("fired every second").isTrue();
        assertThat(scheduler.nextRuns().get("tick")).isBefore(Instant.now().plusSeconds(2));
    }

    @Test
    void theDigestTriggerRunsTheDigestsRepeatedlyBesideTheSourcesUntilUnscheduled() throws InterruptedException {
        open().scheduleDigests(Duration.ofSeconds(1));
        scheduler.start(List.of(every("fast", Duration.ofSeconds(1))), true);

        assertThat(digests.await(3, PROMPTLY)).as("three digest runs, one a second").isTrue();
        assertThat(collection.await("fast", 2, PROMPTLY)).isTrue();
        assertThat(collection.calls()).as("the digest job runs the digests, not a collection").containsOnly("fast");
        assertThat(scheduler.nextDigestRun()).get().matches(next -> next.isBefore(Instant.now().plusSeconds(2)));
        assertThat(scheduler.nextRuns()).as("the digest trigger is not a source").containsOnlyKeys("fast");

        scheduler.unscheduleDigests();

        assertThat(scheduler.nextDigestRun()).isEmpty();
        Thread.sleep(300); // a run that had already begun may still finish
        int runs = digests.runs();
        assertThat(digests.await(runs + 1, QUIET)).as("no digest run after unscheduling").isFalse();
        assertThat(collection.await("fast", collection.count("fast") + 1, PROMPTLY)).as("collection goes on").isTrue();
        assertThat(count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_GROUP = 'digest'")).isZero();
        scheduler.unscheduleDigests(); // unscheduling twice is harmless
    }

    @Test
    void schedulingDigestsWithTheSameIntervalKeepsTheStoredTriggerAndAnotherIntervalReplacesIt()
            throws InterruptedException {
        open().scheduleDigests(Duration.ofMinutes(1));
        scheduler.start(List.of(), false);
        assertThat(digests.await(1, PROMPTLY)).as("a new digest trigger runs at once").isTrue();
        Instant next = scheduler.nextDigestRun().orElseThrow();
        assertThat(next).isBetween(Instant.now().plusSeconds(55), Instant.now().plusSeconds(60));

        Thread.sleep(1100); // a trigger made afresh now would differ by more than a second
        scheduler.scheduleDigests(Duration.ofMinutes(1));
        assertThat(scheduler.nextDigestRun()).contains(next);
        restart().scheduleDigests(Duration.ofMinutes(1)); // as serve does on every start
        scheduler.start(List.of(), false);

        assertThat(scheduler.nextDigestRun()).as("kept across a restart").contains(next);
        assertThat(digests.await(1, QUIET)).as("a kept trigger does not run at once").isFalse();

        scheduler.scheduleDigests(Duration.ofSeconds(1));

        assertThat(digests.await(3, PROMPTLY)).as("the new interval takes effect").isTrue();
        assertThat(count("SELECT COUNT(*) FROM QRTZ_SIMPLE_TRIGGERS WHERE REPEAT_INTERVAL = 1000")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM QRTZ_SIMPLE_TRIGGERS")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS")).isEqualTo(1);
    }

    @Test
    void startingWithSourcesKeepsTheDigestTrigger() throws InterruptedException {
        open().scheduleDigests(Duration.ofMinutes(1));
        scheduler.start(List.of(every("news", Duration.ofHours(1)), cron("nightly", "0 0 3 * * ?")), false);
        assertThat(digests.await(1, PROMPTLY)).as("a new digest trigger runs at once").isTrue();
        Instant next = scheduler.nextDigestRun().orElseThrow();
        assertThat(next).isAfter(Instant.now().plusSeconds(55));

        // a restart whose configuration drops every source, before serve schedules the digests again
        restart().start(List.of(every("blog", Duration.ofHours(1))), false);

        assertThat(scheduler.nextRuns()).containsOnlyKeys("blog");
        assertThat(scheduler.nextDigestRun()).contains(next);
        assertThat(count("SELECT COUNT(*) FROM QRTZ_TRIGGERS")).isEqualTo(2);

        restart().start(List.of(), false);

        assertThat(scheduler.nextRuns()).isEmpty();
        assertThat(scheduler.nextDigestRun()).contains(next);
        assertThat(count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS")).isEqualTo(1);
        assertThat(digests.await(1, QUIET)).as("not run before its time").isFalse();
    }

    private static SourceConfig every(String id, Duration interval) {
        return new SourceConfig(id, "Source " + id, SourceType.FEED, "classpath:x", interval, null, List.of(), true, null);
    }

    private static SourceConfig cron(String id, String cron) {
        return new SourceConfig(id, "Source " + id, SourceType.FEED, "classpath:x", Duration.ofHours(1), cron,
                List.of(), true, null);
    }

    private static SourceConfig disabled(SourceConfig s) {
        return new SourceConfig(s.id(), s.name(), s.type(), s.url(), s.interval(), s.cron(), s.topics(), false, s.page());
    }

    private int count(String sql) {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long minutesAgo(int minutes) {
        return System.currentTimeMillis() - Duration.ofMinutes(minutes).toMillis();
    }

    private static int update(Database db, String sql, Object... args) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        }
    }
}
