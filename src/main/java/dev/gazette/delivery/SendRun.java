package dev.gazette.delivery;

import dev.gazette.GazetteException;
import dev.gazette.alert.AlertStore;
import dev.gazette.config.DeliveryConfig;
import dev.gazette.config.MailConfig;
import dev.gazette.digest.DigestLinks;
import dev.gazette.digest.RenderedAlert;
import dev.gazette.digest.RenderedNotice;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the ledger holds: claims each waiting delivery, composes it, hands it to the {@link Mailer} and
 * records the outcome. Transient failures (4xx, time-outs, dropped lines) are retried with exponential
 * back-off up to {@code delivery.max-attempts}; a 5xx is final, and a rejected recipient is marked bounced.
 * Deliveries go out in parallel over {@code mail.connections} threads; the mailer enforces the rate limit.
 */
final class SendRun {
    private static final Logger log = LoggerFactory.getLogger(SendRun.class);
    private static final int BATCH = 200;

    private final DeliveryLedger ledger;
    private final Recipients recipients;
    private final Mailer mailer;
    private final DigestComposer composer;
    private final AlertComposer alertComposer;
    private final AlertStore alerts;
    private final Notices notices;
    private final SubscriberLinks links;
    private final MessageHeaders headers;
    private final DeliveryConfig delivery;
    private final boolean sendEmpty;
    private final Duration lease;
    private final int threads;
    private final Clock clock;
    private final SendProgress progress;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    SendRun(DeliveryLedger ledger, Recipients recipients, Mailer mailer, DigestComposer composer,
            AlertComposer alertComposer, AlertStore alerts, Notices notices, SubscriberLinks links,
            MessageHeaders headers, MailConfig mail, DeliveryConfig delivery, boolean sendEmpty, Clock clock,
            SendProgress progress) {
        this.ledger = ledger;
        this.recipients = recipients;
        this.mailer = mailer;
        this.composer = composer;
        this.alertComposer = alertComposer;
        this.alerts = alerts;
        this.notices = notices;
        this.links = links;
        this.headers = headers;
        this.delivery = delivery;
        this.sendEmpty = sendEmpty;
        // A claim outlives the slowest honest attempt: connecting, then every reply and write timing out.
        this.lease = mail.connectTimeout().plus(mail.timeout().multipliedBy(4)).plusMinutes(1);
        this.threads = mail.connections();
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Send every delivery that is waiting.
     *
     * @param waitForRetries keep going until no delivery waits for a retry (a send from the command line);
     *     otherwise stop when nothing is due now, and later runs take up the retries (the scheduler)
     */
    SendReport drain(boolean waitForRetries) throws InterruptedException {
        return drain(waitForRetries, ledger::claimable, ledger::nextRetry);
    }

    /**
     * Send the deliveries the given queries find waiting (those of one manual send, say), as {@link #drain(boolean)}
     * does for the whole ledger.
     *
     * @param claimable the ids of deliveries waiting to be sent now, oldest first, at most the given number
     * @param nextRetry when the earliest of them still waiting may next be attempted
     */
    SendReport drain(boolean waitForRetries, IntFunction<List<Long>> claimable, Supplier<Optional<Instant>> nextRetry)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gazette-send");
            t.setDaemon(true);
            return t;
        });
        try {
            while (true) {
                List<Long> ids = claimable.apply(BATCH);
                if (ids.isEmpty()) {
                    Optional<Instant> next = nextRetry.get();
                    if (!waitForRetries || next.isEmpty()) {
                        break;
                    }
                    Duration pause = Duration.between(clock.instant(), next.get());
                    if (!pause.isNegative()) {
                        Thread.sleep(Math.min(pause.toMillis() + 10, delivery.retryMax().toMillis() + 10));
                    }
                    continue;
                }
                progress.waiting(ids.size());
                List<Delivery> claimed = ledger.claimAll(ids, lease);
                Map<Long, Subscriber> subscribers = new HashMap<>();
                recipients.findAll(claimed.stream().map(Delivery::subscriberId).distinct().toList())
                        .forEach(s -> subscribers.put(s.id(), s));
                List<Future<?>> batch = new ArrayList<>();
                for (Delivery d : claimed) {
                    batch.add(pool.submit(() -> deliver(d, Optional.ofNullable(subscribers.get(d.subscriberId())))));
                }
                for (Future<?> f : batch) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw propagate(e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int retrying = ledger.countByStatus().get(DeliveryStatus.QUEUED);
        return new SendReport(0, sent.get(), skipped.get(), failed.get(), retrying);
    }

    /** Claim, compose, send and record one delivery; nothing if another sender has it. */
    void deliver(long id) {
        for (Delivery d : ledger.claimAll(List.of(id), lease)) {
            deliver(d, recipients.find(d.subscriberId()));
        }
    }

    /** Compose, send and record one delivery this run has claimed, to its subscriber (empty: deleted since). */
    private void deliver(Delivery d, Optional<Subscriber> found) {
        if (found.isEmpty()) {
            finish(d, DeliveryStatus.FAILED, "the subscriber was deleted", null);
            return;
        }
        Subscriber subscriber = found.get();
        if (d.kind().isNotice()) {
            deliverNotice(d, subscriber);
            return;
        }
        if (d.kind() == DeliveryKind.ALERT) {
            deliverAlert(d, subscriber);
            return;
        }
        if (d.kind() == DeliveryKind.DIGEST && !subscriber.receivesDigests()) {
            finish(d, DeliveryStatus.SKIPPED, "not sent: the subscriber is " + describe(subscriber) + " now", null);
            return;
        }
        DigestComposer.Composed composed;
        try {
            DigestLinks digestLinks = new DigestLinks(links.preferencesUrl(subscriber), links.unsubscribeUrl(subscriber),
                    links.viewUrl(subscriber, d.id()));
            composed = composer.compose(subscriber, d.windowStart(), d.windowEnd(), digestLinks);
        } catch (RuntimeException e) {
            // A broken template fails every delivery alike: put this one back and stop the run.
            ledger.retryAt(d.id(), "could not compose: " + e.getMessage(), clock.instant());
            throw e;
        }
        if (composed.nothingNew() && !sendEmpty && d.kind() == DeliveryKind.DIGEST) {
            finish(d, DeliveryStatus.SKIPPED, "nothing new", composed.itemCount());
            return;
        }
        send(d, subscriber, message(d, subscriber, composed), composed.itemCount());
    }

    /**
     * An email about the subscription (CONFIRM, NOTICE): transactional, so without List-Unsubscribe headers. A
     * template that cannot be rendered is retried like a transient failure rather than stopping the run: digests
     * still go out.
     */
    private void deliverNotice(Delivery d, Subscriber subscriber) {
        Notices.Composed composed;
        try {
            composed = notices.compose(d, subscriber);
        } catch (RuntimeException e) {
            composeFailed(d, subscriber, e);
            return;
        }
        if (composed.email() == null) {
            finish(d, DeliveryStatus.SKIPPED, composed.skipReason(), 0);
            return;
        }
        RenderedNotice email = composed.email();
        send(d, subscriber, new OutgoingMessage(d.messageId(), d.recipient(), subscriber.name(), email.subject(),
                email.html(), email.text(), Map.of()), 0);
    }

    /**
     * An alert email: first it takes the waiting matches it is for (found up to its planning time, and given to no
     * other email), then it is composed from the matches it holds; a retry holds the same ones. A template that
     * cannot be rendered is retried like a transient failure, so digests still go out.
     */
    private void deliverAlert(Delivery d, Subscriber subscriber) {
        if (subscriber.status() != dev.gazette.subscriber.SubscriberStatus.ACTIVE) {
            finish(d, DeliveryStatus.SKIPPED, "not sent: the subscriber is " + describe(subscriber) + " now", null);
            return;
        }
        alerts.claim(d.id(), subscriber.id(), AlertEditions.frequency(d.edition()), d.windowEnd());
        RenderedAlert email;
        try {
            email = alertComposer.compose(subscriber, d.id(), links);
        } catch (RuntimeException e) {
            composeFailed(d, subscriber, e);
            return;
        }
        if (email == null) {
            finish(d, DeliveryStatus.SKIPPED, "nothing to send: its alerts were paused or deleted", 0);
            return;
        }
        send(d, subscriber, new OutgoingMessage(d.messageId(), d.recipient(), subscriber.name(), email.subject(),
                email.html(), email.text(), headers.forAlerts(subscriber, links)), email.itemCount());
    }

    /** An email other than a digest that could not be composed: retried like a transient failure. */
    private void composeFailed(Delivery d, Subscriber subscriber, RuntimeException e) {
        log.error("{}: could not compose the {} email: {}", d.recipient(), d.kind(), e.getMessage());
        record(d, subscriber, new SendResult(SendResult.Kind.TRANSIENT, "could not compose: " + e.getMessage()), 0);
    }

    private void send(Delivery d, Subscriber subscriber, OutgoingMessage message, int itemCount) {
        SendResult result;
        try {
            result = mailer.send(message);
        } catch (GazetteException e) {
            finish(d, DeliveryStatus.FAILED, e.getMessage(), itemCount);
            return;
        }
        record(d, subscriber, result, itemCount);
    }

    private OutgoingMessage message(Delivery d, Subscriber subscriber, DigestComposer.Composed composed) {
        String subject = composed.digest().subject();
        if (d.kind() == DeliveryKind.TEST) {
            subject = "[Test] " + subject;
        }
        return new OutgoingMessage(d.messageId(), d.recipient(), subscriber.name(), subject, composed.digest().html(),
                composed.digest().text(), headers.forDigest(subscriber, links));
    }

    private void record(Delivery d, Subscriber subscriber, SendResult result, int itemCount) {
        switch (result.kind()) {
            case SENT -> finish(d, DeliveryStatus.SENT, null, itemCount);
            case PERMANENT -> finish(d, DeliveryStatus.FAILED, result.reply(), itemCount);
            case REJECTED_RECIPIENT -> {
                finish(d, DeliveryStatus.FAILED, result.reply(), itemCount);
                if (d.kind() == DeliveryKind.DIGEST || d.kind() == DeliveryKind.ALERT) {
                    recipients.markBounced(subscriber.id(), result.reply());
                    log.warn("{}: the address was refused, marked bounced: {}", d.recipient(), result.reply());
                }
            }
            case TRANSIENT, AMBIGUOUS -> {
                int attempts = d.attempts();
                if (attempts >= delivery.maxAttempts()) {
                    finish(d, DeliveryStatus.FAILED, "gave up after " + attempts + " attempts: " + result.reply(), itemCount);
                } else {
                    ledger.retryAt(d.id(), result.reply(), clock.instant().plus(backoff(attempts)));
                    progress.finished(d, DeliveryStatus.QUEUED);
                    log.info("{}: attempt {} failed, retrying: {}", d.recipient(), attempts, result.reply());
                }
            }
        }
    }

    /** The pause after the given number of attempts: retry-base, doubled per attempt, at most retry-max. */
    Duration backoff(int attempts) {
        Duration pause = delivery.retryBase();
        for (int i = 1; i < attempts && pause.compareTo(delivery.retryMax()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(delivery.retryMax()) > 0 ? delivery.retryMax() : pause;
    }

    private void finish(Delivery d, DeliveryStatus status, String note, Integer itemCount) {
        switch (status) {
            case SENT -> {
                ledger.sent(d.id(), itemCount);
                sent.incrementAndGet();
            }
            case SKIPPED -> {
                ledger.skipped(d.id(), note, itemCount);
                skipped.incrementAndGet();
            }
            case FAILED -> {
                ledger.failed(d.id(), note);
                failed.incrementAndGet();
                log.warn("{}: not delivered: {}", d.recipient(), note);
            }
            default -> throw new IllegalArgumentException(status + " is not final");
        }
        progress.finished(d, status);
    }

    private static String describe(Subscriber subscriber) {
        return subscriber.status() == dev.gazette.subscriber.SubscriberStatus.ACTIVE
                ? "paused" : subscriber.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static RuntimeException propagate(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new GazetteException("sending failed: " + cause, cause);
    }
}
