package dev.gazette.delivery;

import dev.gazette.GazetteException;
import dev.gazette.alert.AlertStore;
import dev.gazette.config.GazetteConfig;
import dev.gazette.digest.DigestLinks;
import dev.gazette.digest.NoticeRenderer;
import dev.gazette.digest.RenderedDigest;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends digests and alert emails: plans the due ones into the ledger, then sends what the ledger holds. Each run opens its own
 * mailer (a small pool of SMTP connections reused for every message of the run) and its own composer
 * (templates parsed once per run). The emails about a subscription (the double opt-in confirmation, the note to an
 * address that is on the list already) go through the same ledger ({@link #queueNotice}), so they are recorded and
 * retried like digests.
 */
public final class DigestDispatcher {
    /**
     * The least time between two emails about one address's subscription (confirmation or notice): a subscribe form
     * anyone can fill in must not become a way to flood someone's inbox. Asking again sooner sends nothing.
     */
    public static final Duration NOTICE_INTERVAL = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(DigestDispatcher.class);

    private final DeliveryLedger ledger;
    private final Recipients recipients;
    private final DigestPlanner planner;
    private final AlertPlanner alertPlanner;
    private final AlertStore alerts;
    private final Supplier<AlertComposer> alertComposers;
    private final Supplier<Mailer> mailers;
    private final Supplier<DigestComposer> composers;
    private final SubscriberLinks links;
    private final MessageHeaders headers;
    private final GazetteConfig config;
    private final Clock clock;

    /**
     * @param alerts the alert matches waiting for an email
     * @param alertComposers a composer of alert emails per send run
     */
    public DigestDispatcher(GazetteConfig config, DeliveryLedger ledger, Recipients recipients,
            Supplier<Mailer> mailers, Supplier<DigestComposer> composers, AlertStore alerts,
            Supplier<AlertComposer> alertComposers, SubscriberLinks links, Clock clock) {
        this.config = config;
        this.ledger = ledger;
        this.recipients = recipients;
        this.mailers = mailers;
        this.composers = composers;
        this.links = links;
        this.clock = clock;
        this.headers = new MessageHeaders(config.delivery());
        this.planner = new DigestPlanner(recipients, ledger, config.digest(),
                MessageHeaders.domain(config.delivery().from()), clock);
        this.alerts = alerts;
        this.alertComposers = alertComposers;
        this.alertPlanner = new AlertPlanner(recipients, ledger, alerts, config.alerts().instantInterval(), planner,
                clock);
    }

    public DigestPlanner planner() {
        return planner;
    }

    public DeliveryLedger ledger() {
        return ledger;
    }

    /**
     * The scheduler's run: plan the digests whose send time has come and the alert emails now due, send them, and
     * any retry now due.
     */
    public SendReport sendDue() throws InterruptedException {
        try (Mailer mailer = mailers.get()) { // fails before planning when mail cannot go anywhere
            int planned = planner.plan(PlanMode.SCHEDULED, null, Integer.MAX_VALUE, due -> {});
            planned += alertPlanner.plan();
            return drain(mailer, false, SendProgress.NONE).withPlanned(planned);
        }
    }

    /**
     * Plan the alert emails due now ("as it happens" ones after a collection found matches; daily and weekly ones
     * whose send time has come) and send what the ledger holds that is due; returns once each has been tried.
     *
     * @throws GazetteException before anything is planned, when mail cannot go anywhere
     */
    public SendReport sendAlerts() throws InterruptedException {
        try (Mailer mailer = mailers.get()) {
            int planned = alertPlanner.plan();
            return drain(mailer, false, SendProgress.NONE).withPlanned(planned);
        }
    }

    /**
     * Send the current period's digest now to the active subscribers of a frequency (null: both) who have not
     * had it, and wait until every delivery is sent, skipped or given up.
     *
     * @throws GazetteException before anything is planned, when mail cannot go anywhere (the demo outbox of a
     *     {@code gazette serve} is not running)
     */
    public SendReport sendNow(Frequency frequency, int limit, SendProgress progress) throws InterruptedException {
        try (Mailer mailer = mailers.get()) {
            int planned = planner.plan(PlanMode.NOW, frequency, limit, due -> {});
            progress.waiting(planned);
            return drain(mailer, true, progress).withPlanned(planned);
        }
    }

    /**
     * Send what the ledger holds and is due now (retries put back in the queue, say), without planning anything
     * new; returns once each has been tried.
     *
     * @throws GazetteException when mail cannot go anywhere
     */
    public SendReport sendQueued() throws InterruptedException {
        try (Mailer mailer = mailers.get()) {
            return drain(mailer, false, SendProgress.NONE);
        }
    }

    /**
     * {@link #sendQueued()} on a background thread, for a caller that must not wait (a page, an API call): if
     * mail cannot go out now, the deliveries wait for the next digest check.
     */
    public void sendQueuedInBackground() {
        Thread sender = new Thread(() -> {
            try {
                SendReport report = sendQueued();
                log.info("queued deliveries: {} sent, {} failed, {} waiting to retry", report.sent(), report.failed(),
                        report.retrying());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (GazetteException e) {
                log.warn("queued deliveries wait for the next digest check: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.error("sending queued deliveries failed: {}", e.getMessage(), e);
            }
        }, "gazette-send-queued");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Send one subscriber's digest, as they would get it now, to another address; it does not count as theirs.
     *
     * @throws GazetteException before anything is recorded, when mail cannot go anywhere
     */
    public Delivery sendTest(Subscriber subscriber, String toAddress) throws InterruptedException {
        try (Mailer mailer = mailers.get()) {
            String edition = "test:" + UUID.randomUUID().toString().substring(0, 13);
            Delivery planned = planTest(subscriber, toAddress, edition, null);
            return deliverUntilFinal(mailer, planned);
        }
    }

    /**
     * Write a test send to the ledger: the subscriber's digest as they would get it now, to another address. Planning
     * the same edition again writes nothing and returns the delivery written before.
     */
    Delivery planTest(Subscriber subscriber, String toAddress, String edition, Long jobId) {
        DigestPlanner.Due window = planner.window(subscriber);
        NewDelivery test = new NewDelivery(subscriber.id(), edition, DeliveryKind.TEST, window.windowStart(),
                window.windowEnd(), toAddress, planner.messageId(subscriber.id(), edition), jobId);
        ledger.plan(test);
        return ledger.find(subscriber.id(), edition).orElseThrow(() ->
                new GazetteException("could not record the test send for " + subscriber.email()));
    }

    /** Send one delivery, retrying after transient failures, until it is sent, skipped or given up. */
    Delivery deliverUntilFinal(Mailer mailer, Delivery planned) throws InterruptedException {
        SendRun run = run(mailer, SendProgress.NONE);
        while (true) {
            Delivery now = ledger.find(planned.id()).orElseThrow();
            if (now.status().isFinal()) {
                return now;
            }
            run.deliver(planned.id());
            now = ledger.find(planned.id()).orElseThrow();
            if (now.status().isFinal()) {
                return now;
            }
            Instant next = now.nextAttemptAt() == null ? clock.instant() : now.nextAttemptAt();
            Thread.sleep(Math.max(10, Math.min(Duration.between(clock.instant(), next).toMillis() + 10,
                    config.delivery().retryMax().toMillis() + 10)));
        }
    }

    /**
     * Send every delivery of one manual send, waiting for retries, until none waits (other deliveries in the ledger
     * are left to the run that planned them, or to the scheduler's next run).
     */
    SendReport sendJob(Mailer mailer, long jobId) throws InterruptedException {
        return run(mailer, SendProgress.NONE).drain(true, limit -> ledger.claimableOfJob(jobId, limit),
                () -> ledger.nextRetryOfJob(jobId));
    }

    /** A mailer for one run; fails when mail cannot go anywhere (no demo outbox running). */
    Mailer openMailer() {
        return mailers.get();
    }

    Recipients recipients() {
        return recipients;
    }

    /**
     * Count what a send now would do, without sending or recording anything: who would get a digest, who already had
     * this period's, whose would be skipped as empty. Each digest is composed to know whether it has anything new,
     * and then dropped.
     *
     * @param mode {@link PlanMode#SCHEDULED}: those whose send time has come; {@link PlanMode#NOW}: every active one
     * @param frequency only this frequency; null for both
     * @param topic only the subscribers of this topic (its slug); null for everyone
     */
    public SendCount count(PlanMode mode, Frequency frequency, String topic) {
        DigestComposer composer = composers.get();
        int send = 0;
        int had = 0;
        int skip = 0;
        for (DigestPlanner.Due due : planner.due(mode, frequency, topic, Integer.MAX_VALUE)) {
            if (due.alreadyPlanned()) {
                had++;
                continue;
            }
            Subscriber s = due.subscriber();
            boolean empty = !config.digest().sendEmpty() && composer.compose(s, due.windowStart(), due.windowEnd(),
                    new DigestLinks(links.preferencesUrl(s), links.unsubscribeUrl(s), null)).nothingNew();
            if (empty) {
                skip++;
            } else {
                send++;
            }
        }
        return new SendCount(send, had, skip);
    }

    /** The digest a subscriber would get next, composed as it would be sent (nothing is sent or recorded). */
    public DigestComposer.Composed preview(Subscriber subscriber) {
        DigestPlanner.Due window = planner.window(subscriber);
        return composers.get().compose(subscriber, window.windowStart(), window.windowEnd(),
                new DigestLinks(links.preferencesUrl(subscriber), links.unsubscribeUrl(subscriber), null));
    }

    /**
     * A digest as it was sent, composed again for reading in a browser: the articles of the delivery's window, with
     * the subscriber's topics, zone and language as they are now, and the upcoming events as of now.
     *
     * @throws IllegalArgumentException for a delivery that is not a digest (a confirmation or notice)
     */
    public RenderedDigest render(Subscriber subscriber, Delivery delivery) {
        if (!delivery.kind().isDigest()) {
            throw new IllegalArgumentException("delivery " + delivery.id() + " is a " + delivery.kind()
                    + " email, not a digest");
        }
        return composers.get().compose(subscriber, delivery.windowStart(), delivery.windowEnd(),
                new DigestLinks(links.preferencesUrl(subscriber), links.unsubscribeUrl(subscriber), null)).digest();
    }

    /**
     * Record an email about a subscriber's subscription in the ledger: {@link DeliveryKind#CONFIRM} (the double
     * opt-in link) or {@link DeliveryKind#NOTICE} ("subscribed already", or "subscribe again?"); which one it is, and
     * whether it still goes out, is decided from the subscriber's status when it is sent. Nothing is recorded when an
     * email of either kind was recorded for them less than {@link #NOTICE_INTERVAL} ago. Send it at once with
     * {@link #sendQueued}; the scheduled runs retry it like any delivery.
     *
     * @return the recorded delivery, or empty when held back
     */
    public Optional<Delivery> queueNotice(Subscriber subscriber, DeliveryKind kind) {
        if (!kind.isNotice()) {
            throw new IllegalArgumentException(kind + " is not an email about a subscription");
        }
        Instant now = clock.instant();
        Optional<Instant> last = ledger.lastNoticeAt(subscriber.id());
        if (last.isPresent() && last.get().isAfter(now.minus(NOTICE_INTERVAL))) {
            return Optional.empty();
        }
        // Named after its interval, so two requests at the same moment (which both found none) record one email.
        long interval = NOTICE_INTERVAL.toSeconds();
        String edition = kind.name().toLowerCase(Locale.ROOT) + ":"
                + Instant.ofEpochSecond(now.getEpochSecond() / interval * interval);
        NewDelivery notice = new NewDelivery(subscriber.id(), edition, kind, now, now, subscriber.email(),
                planner.messageId(subscriber.id(), edition));
        return ledger.plan(notice) ? ledger.find(subscriber.id(), edition) : Optional.empty();
    }

    /**
     * One attempt at one waiting delivery now (a confirmation email right after the sign-up); a retry, if it needs
     * one, is left to the scheduled runs.
     *
     * @throws GazetteException when mail cannot go anywhere (the delivery stays waiting)
     */
    public void sendQueued(long deliveryId) {
        try (Mailer mailer = mailers.get()) {
            run(mailer, SendProgress.NONE).deliver(deliveryId);
        }
    }

    /** Who a send now would mail, and what: composed, but nothing sent or recorded. */
    public List<DryRun> dryRun(Frequency frequency, int limit) {
        DigestComposer composer = composers.get();
        return planner.due(PlanMode.NOW, frequency, limit).stream().map(due -> {
            Subscriber s = due.subscriber();
            DigestComposer.Composed composed = composer.compose(s, due.windowStart(), due.windowEnd(),
                    new DigestLinks(links.preferencesUrl(s), links.unsubscribeUrl(s), null));
            return new DryRun(due, composed, due.alreadyPlanned() ? "already planned for this period"
                    : composed.nothingNew() && !config.digest().sendEmpty() ? "nothing new: would be skipped" : "");
        }).toList();
    }

    /** @param note why it would not be sent, or empty */
    public record DryRun(DigestPlanner.Due due, DigestComposer.Composed composed, String note) {}

    /** Send what the ledger holds over the given mailer (opened before planning, so planning never strands rows). */
    private SendReport drain(Mailer mailer, boolean waitForRetries, SendProgress progress) throws InterruptedException {
        if (ledger.claimable(1).isEmpty() && (!waitForRetries || ledger.nextRetry().isEmpty())) {
            return SendReport.NOTHING;
        }
        long started = System.nanoTime();
        Duration limitedBefore = mailer.rateLimited();
        SendReport report = run(mailer, progress).drain(waitForRetries);
        if (report.sent() + report.failed() + report.skipped() > 0) {
            log.info("emails: {} sent, {} skipped, {} failed, {} waiting to retry", report.sent(), report.skipped(),
                    report.failed(), report.retrying());
            warnIfRateLimited(mailer.rateLimited().minus(limitedBefore), Duration.ofNanos(System.nanoTime() - started),
                    report.sent());
        }
        return report;
    }

    /**
     * Says so when the rate limit, not the work, paced a run: its sending threads spent most of their time waiting
     * for {@code delivery.rate-limit} (a first send to a fast local relay otherwise looks slow for no reason).
     */
    private void warnIfRateLimited(Duration waited, Duration took, int sent) {
        int threads = Math.max(1, config.mail().connections());
        if (sent >= 20 && waited.toNanos() > took.toNanos() * threads / 2) {
            log.warn("this send was paced by delivery.rate-limit ({} messages a second): {} emails took {} s, of which"
                    + " the sending threads waited {} s for the limit. A local relay that takes more can be given a"
                    + " higher delivery.rate-limit (see the README, \"Sending fast\")", config.delivery().rateLimit(),
                    sent, took.toSeconds(), waited.toSeconds() / threads);
        }
    }

    private SendRun run(Mailer mailer, SendProgress progress) {
        Notices notices = new Notices(new NoticeRenderer(config.digest(), config.topics()), links,
                config.subscribers().confirmWithin(), clock);
        return new SendRun(ledger, recipients, mailer, composers.get(), alertComposers.get(), alerts, notices, links,
                headers, config.mail(), config.delivery(), config.digest().sendEmpty(), clock, progress);
    }

    /** Deliveries of a subscriber (or everyone's: null), newest first. */
    public List<Delivery> deliveries(Long subscriberId, int limit) {
        return ledger.list(null, subscriberId, limit);
    }
}
