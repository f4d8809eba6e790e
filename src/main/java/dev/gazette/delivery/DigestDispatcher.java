package dev.gazette.delivery;

import dev.gazette.GazetteException;
import dev.gazette.config.GazetteConfig;
import dev.gazette.digest.DigestLinks;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends digests: plans the due ones into the ledger, then sends what the ledger holds. Each run opens its own
 * mailer (a small pool of SMTP connections reused for every message of the run) and its own composer
 * (templates parsed once per run).
 */
public final class DigestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(DigestDispatcher.class);

    private final DeliveryLedger ledger;
    private final Recipients recipients;
    private final DigestPlanner planner;
    private final Supplier<Mailer> mailers;
    private final Supplier<DigestComposer> composers;
    private final SubscriberLinks links;
    private final MessageHeaders headers;
    private final GazetteConfig config;
    private final Clock clock;

    public DigestDispatcher(GazetteConfig config, DeliveryLedger ledger, Recipients recipients,
            Supplier<Mailer> mailers, Supplier<DigestComposer> composers, SubscriberLinks links, Clock clock) {
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
    }

    public DigestPlanner planner() {
        return planner;
    }

    public DeliveryLedger ledger() {
        return ledger;
    }

    /** The scheduler's run: plan the digests whose send time has come, send them, and any retry now due. */
    public SendReport sendDue() throws InterruptedException {
        try (Mailer mailer = mailers.get()) { // fails before planning when mail cannot go anywhere
            int planned = planner.plan(PlanMode.SCHEDULED, null, Integer.MAX_VALUE, due -> {});
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
     * Send one subscriber's digest, as they would get it now, to another address; it does not count as theirs.
     *
     * @throws GazetteException before anything is recorded, when mail cannot go anywhere
     */
    public Delivery sendTest(Subscriber subscriber, String toAddress) throws InterruptedException {
        try (Mailer mailer = mailers.get()) {
            DigestPlanner.Due window = planner.window(subscriber);
            String edition = "test:" + UUID.randomUUID().toString().substring(0, 13);
            NewDelivery test = new NewDelivery(subscriber.id(), edition, DeliveryKind.TEST, window.windowStart(),
                    window.windowEnd(), toAddress, planner.messageId(subscriber.id(), edition));
            if (!ledger.plan(test)) {
                throw new GazetteException("could not record the test send for " + subscriber.email());
            }
            Delivery planned = ledger.find(subscriber.id(), edition).orElseThrow();
            SendRun run = run(mailer, SendProgress.NONE);
            while (true) {
                run.deliver(planned.id());
                Delivery now = ledger.find(planned.id()).orElseThrow();
                if (now.status().isFinal()) {
                    return now;
                }
                Instant next = now.nextAttemptAt() == null ? clock.instant() : now.nextAttemptAt();
                Thread.sleep(Math.max(10, Duration.between(clock.instant(), next).toMillis() + 10));
            }
        }
    }

    /** The digest a subscriber would get next, composed as it would be sent (nothing is sent or recorded). */
    public DigestComposer.Composed preview(Subscriber subscriber) {
        DigestPlanner.Due window = planner.window(subscriber);
        return composers.get().compose(subscriber, window.windowStart(), window.windowEnd(),
                new DigestLinks(links.preferencesUrl(subscriber), links.unsubscribeUrl(subscriber), null));
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
        SendReport report = run(mailer, progress).drain(waitForRetries);
        if (report.sent() + report.failed() + report.skipped() > 0) {
            log.info("digests: {} sent, {} skipped, {} failed, {} waiting to retry", report.sent(), report.skipped(),
                    report.failed(), report.retrying());
        }
        return report;
    }

    private SendRun run(Mailer mailer, SendProgress progress) {
        return new SendRun(ledger, recipients, mailer, composers.get(), links, headers, config.mail(),
                config.delivery(), config.digest().sendEmpty(), clock, progress);
    }

    /** Deliveries of a subscriber (or everyone's: null), newest first. */
    public List<Delivery> deliveries(Long subscriberId, int limit) {
        return ledger.list(null, subscriberId, limit);
    }
}
