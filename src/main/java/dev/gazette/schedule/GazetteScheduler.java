package dev.gazette.schedule;

import dev.gazette.GazetteException;
import dev.gazette.config.Durations;
import dev.gazette.config.SourceConfig;
import dev.gazette.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Gazette's schedules with Quartz, whose JDBC job store keeps the triggers in Gazette's database:
 * each source is collected on its own schedule, and one trigger looks for due digests every
 * {@code digest.check-every}. Schedules survive restarts, and a collection missed during downtime runs once
 * on start-up, not once per missed slot.
 */
public final class GazetteScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GazetteScheduler.class);
    /** Quartz's scheduler name: the SCHED_NAME of every stored row, and its key in Quartz's per-process registry. */
    private static final String NAME = "gazette";
    private static final String DATA_SOURCE = "gazette";
    private static final String SPEC = "spec";

    private final Scheduler scheduler;

    /**
     * @throws GazetteException if another collection scheduler of this process is still open: Quartz keeps
     *     one scheduler per name and one connection provider per data source name for the whole process, so a
     *     second one would silently share the first's scheduler and take over its database connections
     */
    public GazetteScheduler(Database database, ScheduledCollection collection) {
        this(database, collection, () -> {});
    }

    /** @see #GazetteScheduler(Database, ScheduledCollection) */
    public GazetteScheduler(Database database, ScheduledCollection collection, ScheduledDigests digests) {
        try {
            synchronized (GazetteScheduler.class) {
                Scheduler open = SchedulerRepository.getInstance().lookup(NAME);
                if (open != null && !open.isShutdown()) {
                    throw new GazetteException("a collection scheduler is already open in this process; close it first");
                }
                DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new PoolProvider(database));
                scheduler = new StdSchedulerFactory(properties(database)).getScheduler();
            }
            scheduler.setJobFactory((bundle, s) -> bundle.getJobDetail().getJobClass() == SendDigestsJob.class
                    ? new SendDigestsJob(digests)
                    : new CollectSourceJob(collection));
        } catch (SchedulerException e) {
            throw new GazetteException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Make the stored triggers match the configured sources, then start. A trigger whose schedule did
     * not change is kept as stored, so its missed runs are recognised as misfires.
     *
     * @param collectAtOnce whether a source scheduled for the first time is collected now rather than one
     *     interval from now
     */
    public void start(List<SourceConfig> sources, boolean collectAtOnce) {
        try {
            Set<String> wanted = sources.stream().filter(SourceConfig::enabled).map(SourceConfig::id)
                    .collect(Collectors.toSet());
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(CollectSourceJob.GROUP))) {
                if (!wanted.contains(key.getName())) {
                    scheduler.deleteJob(key);
                    log.info("{}: no longer scheduled", key.getName());
                }
            }
            for (SourceConfig source : sources) {
                if (source.enabled()) {
                    schedule(source, collectAtOnce);
                }
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new GazetteException("cannot schedule collection: " + e.getMessage(), e);
        }
    }

    private void schedule(SourceConfig source, boolean collectAtOnce) throws SchedulerException {
        String spec = spec(source);
        TriggerKey triggerKey = TriggerKey.triggerKey(source.id(), CollectSourceJob.GROUP);
        Trigger existing = scheduler.getTrigger(triggerKey);
        if (existing != null && spec.equals(existing.getJobDataMap().getString(SPEC))) {
            return;
        }
        JobDetail job = JobBuilder.newJob(CollectSourceJob.class)
                .withIdentity(source.id(), CollectSourceJob.GROUP)
                .withDescription("collect " + source.name())
                .storeDurably()
                .build();
        TriggerBuilder<Trigger> trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey)
                .forJob(job)
                .usingJobData(SPEC, spec);
        Trigger built;
        if (hasCron(source)) {
            built = trigger.withSchedule(CronScheduleBuilder.cronSchedule(source.cron())
                    .withMisfireHandlingInstructionFireAndProceed()).build();
        } else {
            long every = source.interval().toMillis();
            trigger.startAt(collectAtOnce ? new Date() : new Date(System.currentTimeMillis() + every));
            built = trigger.withSchedule(SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(every)
                    .repeatForever()
                    .withMisfireHandlingInstructionNowWithExistingCount()).build();
        }
        scheduler.addJob(job, true);
        if (existing == null) {
            scheduler.scheduleJob(built);
        } else {
            scheduler.rescheduleJob(triggerKey, built);
        }
        log.info("{}: scheduled {}", source.id(), spec);
    }

    /**
     * Schedule one source anew after it changed in the console (added, edited, switched on), or stop collecting it
     * (switched off, deleted). A source whose schedule is new or changed is collected at once; one whose schedule
     * did not change keeps its trigger. Does nothing once the scheduler is closed.
     *
     * @param source the source now in effect under that id, or empty when there is none
     */
    public void reschedule(String id, java.util.Optional<SourceConfig> source) {
        try {
            if (scheduler.isShutdown()) {
                return;
            }
            if (source.isPresent() && source.get().enabled()) {
                schedule(source.get(), true);
            } else if (scheduler.deleteJob(JobKey.jobKey(id, CollectSourceJob.GROUP))) {
                log.info("{}: no longer scheduled", id);
            }
        } catch (SchedulerException e) {
            throw new GazetteException("cannot reschedule source " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Look for due digests every {@code every} (takes effect at {@link #start}). Runs missed while Gazette was
     * down are not repeated: the next run finds every digest still due.
     */
    public void scheduleDigests(java.time.Duration every) {
        try {
            TriggerKey key = TriggerKey.triggerKey(SendDigestsJob.NAME, SendDigestsJob.GROUP);
            String spec = "every " + Durations.format(every);
            Trigger existing = scheduler.getTrigger(key);
            if (existing != null && spec.equals(existing.getJobDataMap().getString(SPEC))) {
                return;
            }
            JobDetail job = JobBuilder.newJob(SendDigestsJob.class)
                    .withIdentity(SendDigestsJob.NAME, SendDigestsJob.GROUP)
                    .withDescription("send the digests whose time has come")
                    .storeDurably()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .forJob(job)
                    .usingJobData(SPEC, spec)
                    .startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(every.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.addJob(job, true);
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else {
                scheduler.rescheduleJob(key, trigger);
            }
        } catch (SchedulerException e) {
            throw new GazetteException("cannot schedule digests: " + e.getMessage(), e);
        }
    }

    /** Stop looking for due digests (when there is no mail to send). */
    public void unscheduleDigests() {
        try {
            scheduler.deleteJob(JobKey.jobKey(SendDigestsJob.NAME, SendDigestsJob.GROUP));
        } catch (SchedulerException e) {
            throw new GazetteException("cannot unschedule digests: " + e.getMessage(), e);
        }
    }

    /** When digests are next looked for, if scheduled. */
    public java.util.Optional<Instant> nextDigestRun() {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(SendDigestsJob.NAME, SendDigestsJob.GROUP));
            return trigger == null || trigger.getNextFireTime() == null
                    ? java.util.Optional.empty() : java.util.Optional.of(trigger.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new GazetteException("cannot read the schedule: " + e.getMessage(), e);
        }
    }

    /** When each scheduled source is next collected, by source id. */
    public Map<String, Instant> nextRuns() {
        Map<String, Instant> next = new LinkedHashMap<>();
        try {
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(CollectSourceJob.GROUP))) {
                Trigger trigger = scheduler.getTrigger(key);
                if (trigger != null && trigger.getNextFireTime() != null) {
                    next.put(key.getName(), trigger.getNextFireTime().toInstant());
                }
            }
        } catch (SchedulerException e) {
            throw new GazetteException("cannot read the schedule: " + e.getMessage(), e);
        }
        return next;
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("the scheduler did not shut down cleanly: {}", e.getMessage());
        }
    }

    private static boolean hasCron(SourceConfig source) {
        return source.cron() != null && !source.cron().isBlank();
    }

    static String spec(SourceConfig source) {
        return hasCron(source) ? "cron " + source.cron() : "every " + Durations.format(source.interval());
    }

    private static Properties properties(Database database) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", database.kind().quartzDelegate());
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    /** Lends Quartz connections from Gazette's own pool. */
    private record PoolProvider(Database database) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return database.connection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to Gazette and is closed with it
        }

        @Override
        public void initialize() {
            // nothing to do
        }
    }
}
