package dev.gazette.web.api;

import dev.gazette.Gazette;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.subscriber.Subscriber;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The delivery ledger: the latest deliveries filtered by status, subscriber or manual send (each failure with the
 * SMTP server's reply in {@code lastError}), and "retry failed": failed deliveries go back in the queue (attempts
 * reset) and are sent at once in the background, or at the next digest check when mail cannot go out now.
 */
final class DeliveryEndpoints {

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
            gazette.digests().sendQueuedInBackground();
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
}
