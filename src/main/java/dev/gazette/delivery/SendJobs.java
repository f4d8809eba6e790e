package dev.gazette.delivery;

import dev.gazette.delivery.SendJobException.Problem;
import dev.gazette.subscriber.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manual sends: an admin sends the digest now to a test address, the subscribers of a topic, or everyone due or
 * active. First a dry run counts what would happen ({@link #dryRun}); then {@link #start} records a job under the
 * caller's one-time request key and runs it in the background. Starting twice with the same key (a double click,
 * two tabs) returns the same job and sends once.
 *
 * <p>A job writes its deliveries to the ledger, each carrying the job's id, then sends them; its progress
 * ({@link #progress}) is counted from the ledger. Sends to a topic or to everyone use the current period's edition,
 * the same one the schedule uses, so nobody gets the same period twice: whoever had it already is counted, not mailed
 * again, and the schedule sends nothing more for that period. Test sends have their own edition and do not count as
 * the subscriber's digest.
 *
 * <p>Jobs run on two background lanes owned by this service: one for sends to many (one at a time, so the rate
 * limit holds), one for test sends (so a test is not stuck behind a long send). Closing the service interrupts
 * them; a job interrupted so (or by a crash) is left running in the database, and its deliveries stay in the
 * ledger: the scheduler's next digest run sends them, and {@link #resumeInterrupted} (at start-up) takes the job
 * up again. Deliveries are claimed one by one in the ledger, so nobody is mailed twice either way.
 */
public final class SendJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SendJobs.class);
    /** The longest request key accepted. */
    public static final int MAX_KEY_LENGTH = 100;

    private final SendJobStore store;
    private final Supplier<DigestDispatcher> dispatchers;
    private final Set<String> topics;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Object lanesLock = new Object();
    private ExecutorService bulkLane;
    private ExecutorService testLane;
    private volatile boolean closed;

    /**
     * @param dispatchers a dispatcher for each job (links use the address the web server serves at)
     * @param topics the slugs of the configured topics
     */
    public SendJobs(Jdbi jdbi, Supplier<DigestDispatcher> dispatchers, Set<String> topics, Clock clock) {
        this.store = new SendJobStore(jdbi, clock);
        this.dispatchers = dispatchers;
        this.topics = Set.copyOf(topics);
    }

    /**
     * Count what the send would do, sending and recording nothing: who would get a digest, who already had this
     * period's, whose would be skipped as empty. A test send counts one.
     *
     * @throws SendJobException ({@link Problem#INVALID}) for an unknown topic or subscriber
     */
    public SendCount dryRun(SendRequest request) {
        DigestDispatcher dispatcher = dispatchers.get();
        if (request.audience() == SendAudience.TEST) {
            testSubscriber(dispatcher, request);
            return new SendCount(1, 0, 0);
        }
        checkTopic(request);
        return dispatcher.count(request.mode(), request.frequency(), request.topic());
    }

    /**
     * Record the send and run it in the background; returns at once. With a request key used before, returns that
     * job (and sends nothing more) if it was for the same send. Once this service is closed, a send is recorded but
     * left for {@link #resumeInterrupted} at the next start.
     *
     * @param requestKey the caller's one-time key, e.g. a form's hidden field made when the form was shown
     * @param createdBy who asks (an admin's name), kept with the job
     * @throws SendJobException {@link Problem#INVALID} for an unknown topic or subscriber or a missing key or name;
     *     {@link Problem#KEY_REUSED} if the key was used for a different send
     */
    public SendJob start(SendRequest request, String requestKey, String createdBy) {
        if (requestKey == null || requestKey.isBlank() || requestKey.length() > MAX_KEY_LENGTH) {
            throw new SendJobException(Problem.INVALID,
                    "a send needs a request key of 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (createdBy == null || createdBy.isBlank() || createdBy.length() > 200) {
            throw new SendJobException(Problem.INVALID, "a send needs the name of who starts it (at most 200 characters)");
        }
        Optional<SendJob> known = store.findByRequestKey(requestKey);
        if (known.isEmpty()) {
            if (request.audience() == SendAudience.TEST) {
                testSubscriber(dispatchers.get(), request);
            } else {
                checkTopic(request);
            }
        }
        SendJob job = known.orElseGet(() -> store.create(requestKey, request, createdBy));
        if (!job.request().equals(request)) {
            throw new SendJobException(Problem.KEY_REUSED, "request key '" + requestKey + "' was used for send "
                    + job.id() + " to " + describe(job.request()) + ", not for a send to " + describe(request));
        }
        if (job.status() == SendJobStatus.PLANNED) {
            submit(job);
        }
        return job;
    }

    public Optional<SendJob> find(long id) {
        return store.find(id);
    }

    public Optional<SendJob> findByRequestKey(String requestKey) {
        return store.findByRequestKey(requestKey);
    }

    /** The latest manual sends, newest first. */
    public List<SendJob> list(int limit) {
        return store.list(limit);
    }

    /**
     * Where the send stands, counted from the ledger. A job whose deliveries are all final is reported done (and
     * recorded so) even when the run that sent them was not its own (the scheduler's, after a restart).
     *
     * @throws SendJobException ({@link Problem#NOT_FOUND}) if there is no such send
     */
    public SendJobProgress progress(long id) {
        SendJob job = store.find(id).orElseThrow(() ->
                new SendJobException(Problem.NOT_FOUND, "there is no send " + id));
        Map<DeliveryStatus, Integer> counts = dispatchers.get().ledger().countByJob(id);
        int remaining = counts.get(DeliveryStatus.QUEUED) + counts.get(DeliveryStatus.SENDING);
        if (job.status() == SendJobStatus.RUNNING && job.plannedAt() != null && remaining == 0
                && store.finish(id, SendJobStatus.DONE, null)) {
            job = store.find(id).orElseThrow();
        }
        int planned = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new SendJobProgress(job, planned, counts.get(DeliveryStatus.SENT), counts.get(DeliveryStatus.FAILED),
                counts.get(DeliveryStatus.SKIPPED), remaining, job.alreadyHad() == null ? 0 : job.alreadyHad());
    }

    /** Wait until the send is over or the time is up; its progress then. */
    public SendJobProgress await(long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SendJobProgress progress = progress(id);
        while (!progress.finished() && System.nanoTime() < deadline) {
            Thread.sleep(25);
            progress = progress(id);
        }
        return progress;
    }

    /**
     * Take up every send that is not over: not begun, or interrupted by a restart. For {@code gazette serve} at
     * start-up; returns how many were taken up.
     */
    public int resumeInterrupted() {
        List<SendJob> unfinished = store.unfinished();
        unfinished.forEach(this::submit);
        if (!unfinished.isEmpty()) {
            log.info("taking up {} manual send(s) that did not finish", unfinished.size());
        }
        return unfinished.size();
    }

    private void submit(SendJob job) {
        ExecutorService lane = lane(job.audience() == SendAudience.TEST);
        if (lane != null) {
            lane.execute(() -> run(job.id()));
        }
    }

    private ExecutorService lane(boolean test) {
        synchronized (lanesLock) {
            if (closed) {
                return null;
            }
            if (bulkLane == null) {
                bulkLane = Executors.newSingleThreadExecutor(daemon("gazette-send-job"));
                testLane = Executors.newSingleThreadExecutor(daemon("gazette-test-send"));
            }
            return test ? testLane : bulkLane;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Plan and send one job; nothing if it is over, or this process runs it already. */
    private void run(long id) {
        if (!running.add(id)) {
            return;
        }
        try {
            SendJob job = store.find(id).orElse(null);
            if (job == null || job.status().isFinal()
                    || job.status() == SendJobStatus.PLANNED && !store.markRunning(id)) {
                return;
            }
            DigestDispatcher dispatcher = dispatchers.get();
            try (Mailer mailer = dispatcher.openMailer()) { // fails before planning when mail cannot go anywhere
                if (job.audience() == SendAudience.TEST) {
                    sendTest(dispatcher, mailer, job);
                } else {
                    if (job.plannedAt() == null) {
                        plan(dispatcher, job);
                    }
                    dispatcher.sendJob(mailer, id);
                }
            }
            if (dispatcher.ledger().countByJob(id).entrySet().stream()
                    .noneMatch(e -> !e.getKey().isFinal() && e.getValue() > 0)) {
                store.finish(id, SendJobStatus.DONE, null);
                log.info("send {}: done", id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: the job stays running, to be taken up again
        } catch (RuntimeException e) {
            if (closed) {
                log.info("send {}: stopped while closing ({}); it is taken up again at the next start", id,
                        e.getMessage());
            } else {
                log.error("send {} failed: {}", id, e.getMessage(), e);
                store.finish(id, SendJobStatus.FAILED, e.getMessage());
            }
        } finally {
            running.remove(id);
        }
    }

    /** Write the job's deliveries to the ledger; planning again (after an interruption) writes only the missing. */
    private void plan(DigestDispatcher dispatcher, SendJob job) {
        SendRequest request = job.request();
        AtomicInteger due = new AtomicInteger();
        dispatcher.planner().plan(request.mode(), request.frequency(), request.topic(), Integer.MAX_VALUE, job.id(),
                d -> due.incrementAndGet());
        int own = dispatcher.ledger().countByJob(job.id()).values().stream().mapToInt(Integer::intValue).sum();
        store.markPlanned(job.id(), Math.max(0, due.get() - own));
        log.info("send {} to {}: {} to send, {} had this period's digest already", job.id(), describe(request), own,
                Math.max(0, due.get() - own));
    }

    private void sendTest(DigestDispatcher dispatcher, Mailer mailer, SendJob job) throws InterruptedException {
        Subscriber subscriber = testSubscriber(dispatcher, job.request());
        Delivery planned = dispatcher.planTest(subscriber, job.testAddress(), "test:job-" + job.id(), job.id());
        store.markPlanned(job.id(), 0);
        dispatcher.deliverUntilFinal(mailer, planned);
    }

    private Subscriber testSubscriber(DigestDispatcher dispatcher, SendRequest request) {
        Subscriber subscriber = dispatcher.recipients().find(request.subscriberId()).orElseThrow(() ->
                new SendJobException(Problem.INVALID, "there is no subscriber " + request.subscriberId()));
        if (subscriber.frequency() == dev.gazette.subscriber.Frequency.PAUSED) {
            throw new SendJobException(Problem.INVALID, subscriber.email()
                    + " has paused their digests, so there is no digest of theirs to test: choose another subscriber");
        }
        return subscriber;
    }

    private void checkTopic(SendRequest request) {
        if (request.topic() != null && !topics.contains(request.topic())) {
            throw new SendJobException(Problem.INVALID, "there is no topic '" + request.topic() + "' (known: "
                    + new java.util.TreeSet<>(topics) + ")");
        }
    }

    private static String describe(SendRequest request) {
        String frequency = request.frequency() == null ? "" : " " + request.frequency().name().toLowerCase(java.util.Locale.ROOT);
        return switch (request.audience()) {
            case TEST -> request.testAddress() + " (subscriber " + request.subscriberId() + "'s digest)";
            case TOPIC -> "the" + frequency + " subscribers of " + request.topic();
            case DUE -> "every" + frequency + " subscriber due";
            case ACTIVE -> "every active" + frequency + " subscriber";
        };
    }

    /**
     * Stop the background lanes: a running job is interrupted and stays running in the database, to be taken up
     * again at the next start. Waits a few seconds for a message being handed over to finish.
     */
    @Override
    public void close() {
        List<ExecutorService> lanes;
        synchronized (lanesLock) {
            closed = true;
            lanes = bulkLane == null ? List.of() : List.of(bulkLane, testLane);
        }
        lanes.forEach(ExecutorService::shutdownNow);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("a manual send did not stop within 5 seconds; it is taken up again at the next start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
