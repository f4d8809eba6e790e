package dev.gazette.web.reader;

import dev.gazette.Gazette;
import dev.gazette.delivery.DeliveryKind;
import dev.gazette.subscriber.Subscriber;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the emails the subscribe form causes (confirmation, "subscribed already") the way digests are sent: each
 * is first recorded in the delivery ledger (at most one per address per
 * {@link dev.gazette.delivery.DigestDispatcher#NOTICE_INTERVAL}), then attempted once at once on a background
 * thread, so the page answers at the same speed whether the address was new or known, and whether the mail server
 * is quick or slow. A failed attempt is retried by the scheduled digest runs, like any delivery.
 */
final class NoticeSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final Gazette gazette;
    /** One thread at most, ended when idle: sign-ups are rare, and the mailer's rate limit applies per run anyway. */
    private final ExecutorService sender = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread t = new Thread(r, "gazette-notices");
                t.setDaemon(true);
                return t;
            });

    NoticeSender(Gazette gazette) {
        this.gazette = gazette;
    }

    /** Record the email for this subscriber (unless one went out lately) and try to send it now, in the background. */
    void send(Subscriber subscriber, DeliveryKind kind) {
        gazette.digests().queueNotice(subscriber, kind).ifPresentOrElse(
                delivery -> sender.execute(() -> attempt(delivery.id())),
                () -> log.info("{} email to subscriber {} held back: one was sent less than {} ago", kind,
                        subscriber.id(), dev.gazette.config.Durations.format(
                                dev.gazette.delivery.DigestDispatcher.NOTICE_INTERVAL)));
    }

    private void attempt(long deliveryId) {
        try {
            gazette.digests().sendQueued(deliveryId);
        } catch (RuntimeException e) {
            log.warn("delivery {} not sent now (the scheduled runs retry it): {}", deliveryId, e.getMessage());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
