package dev.gazette.web.api;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.delivery.SendReport;
import dev.gazette.subscriber.Subscriber;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery ledger: the latest deliveries filtered by status, subscriber or manual send (each failure with the
 * SMTP server's reply in {@code lastError}), and "retry failed": failed deliveries go back in the queue (attempts
 * reset) and are sent at once in the background, or at the next digest check when mail cannot go out now.
 */
final class DeliveryEndpoints {
    private static final Logger log = LoggerFactory.getLogger(DeliveryEndpoints.class);

    private final Gazette gazette;

    /**
     * What "retry failed" did.
     *
     * @param queued failed deliveries put back in the queue
     * @param subscriber whose only (their address), or null for everyone's
     */
    record Retried(int queued, String subscriber) {}

    DeliveryEndpoints(Gazette gazette) {
        this.gazette = gazette;
    }

    void register(ApiRoutes api) {
        api.get("/deliveries", this::list);
        api.post("/deliveries/retry", this::retry);
    }

    private void list(Context ctx, ApiCall call) {
        DeliveryStatus status = Params.choice(ctx, "status", DeliveryStatus.class);
        int limit = Params.limit(ctx, 100, 1000);
        String subscriber = Params.text(ctx, "subscriber");
        long job = Params.number(ctx, "job", 0);
        if (job > 0 && subscriber != null) {
            throw ApiException.badField("job", "filter by a send or by a subscriber, not both");
        }
        List<Delivery> deliveries;
        if (job > 0) {
            if (gazette.sendJobs().find(job).isEmpty()) {
                throw ApiException.badField("job", "there is no send " + job);
            }
            deliveries = gazette.digests().ledger().listOfJob(job, status, limit);
        } else {
            Long subscriberId = subscriber == null ? null : subscriber(subscriber, "subscriber").id();
            deliveries = gazette.digests().ledger().list(status, subscriberId, limit);
        }
        ctx.json(deliveries);
    }

    private void retry(Context ctx, ApiCall call) {
        JsonBody body = JsonBody.readOptional(ctx);
        String which = body.idOrText("subscriber");
        body.finish();
        Subscriber subscriber = which == null ? null : subscriber(which, "subscriber");
        int queued = gazette.digests().ledger().retryFailed(subscriber == null ? null : subscriber.id());
        call.record("deliveries.retry", subscriber == null ? "all subscribers" : subscriber.email(),
                queued + " failed deliveries queued again");
        if (queued > 0) {
            sendInBackground();
        }
        ctx.json(new Retried(queued, subscriber == null ? null : subscriber.email()));
    }

    /** A subscriber by id or address; a 400 naming the field when there is none. */
    private Subscriber subscriber(String idOrEmail, String field) {
        Optional<Subscriber> found;
        if (idOrEmail.chars().allMatch(Character::isDigit)) {
            try {
                found = gazette.subscribers().find(Long.parseLong(idOrEmail));
            } catch (NumberFormatException e) {
                found = Optional.empty();
            }
        } else {
            found = gazette.subscribers().findByEmail(idOrEmail);
        }
        return found.orElseThrow(() -> ApiException.badField(field, "there is no subscriber '" + idOrEmail + "'"));
    }

    /** Send what is queued now, without holding up the answer; if mail cannot go out, the next digest check will. */
    private void sendInBackground() {
        Thread sender = new Thread(() -> {
            try {
                SendReport report = gazette.digests().sendQueued();
                log.info("retried deliveries: {} sent, {} failed, {} waiting to retry", report.sent(), report.failed(),
                        report.retrying());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (GazetteException e) {
                log.warn("retried deliveries wait for the next digest check: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.error("sending retried deliveries failed: {}", e.getMessage(), e);
            }
        }, "gazette-api-retry-failed");
        sender.setDaemon(true);
        sender.start();
    }
}
