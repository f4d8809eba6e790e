package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.subscriber.Subscriber;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery ledger in the console: newest first, filtered by status and subscriber, with the SMTP server's reply
 * for each failure; "retry failed" puts failed deliveries back in the queue (attempts reset) and sends them at once
 * in the background (or, when mail cannot go out now, at the next digest check).
 */
final class DeliveryPages {
    static final int LIMIT = 200;

    private final Gazette gazette;
    private final AdminPages admin;

    DeliveryPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/deliveries", this::list);
        app.post("/admin/deliveries/retry", this::retry);
    }

    private void list(Context ctx) {
        DeliveryStatus status = status(ctx.queryParam("status"));
        String email = ctx.queryParam("subscriber") == null ? "" : ctx.queryParam("subscriber").strip();
        Map<String, Object> vars = new HashMap<>();
        vars.put("statuses", DeliveryStatus.values());
        vars.put("status", status == null ? "" : status.name());
        vars.put("subscriber", email);
        Map<DeliveryStatus, Integer> counts = gazette.digests().ledger().countByStatus();
        vars.put("counts", counts);
        vars.put("failed", counts.get(DeliveryStatus.FAILED));
        Optional<Subscriber> subscriber = email.isEmpty() ? Optional.empty() : gazette.subscribers().findByEmail(email);
        if (!email.isEmpty() && subscriber.isEmpty()) {
            vars.put("problem", admin.text(ctx, "admin.preview.noSubscriber", email));
            vars.put("deliveries", java.util.List.of());
        } else {
            vars.put("deliveries", gazette.digests().ledger().list(status, subscriber.map(Subscriber::id).orElse(null), LIMIT));
        }
        vars.put("subscriberId", subscriber.map(Subscriber::id).orElse(null));
        vars.put("limit", LIMIT);
        admin.render(ctx, "admin/deliveries", vars);
    }

    private void retry(Context ctx) {
        admin.verify(ctx);
        Long subscriberId = null;
        String scope = "all subscribers";
        String email = ctx.formParam("subscriber");
        if (email != null && !email.isBlank()) {
            Optional<Subscriber> subscriber = gazette.subscribers().findByEmail(email.strip());
            if (subscriber.isEmpty()) {
                admin.redirect(ctx, "/admin/deliveries", "deliveries.noSubscriber", 0);
                return;
            }
            subscriberId = subscriber.get().id();
            scope = subscriber.get().email();
        }
        int queued = gazette.digests().ledger().retryFailed(subscriberId);
        admin.audit(ctx, "deliveries.retry", scope, queued + " failed deliveries queued again");
        if (queued > 0) {
            gazette.digests().sendQueuedInBackground();
        }
        String back = "/admin/deliveries" + (subscriberId == null ? ""
                : "?subscriber=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        admin.redirect(ctx, back, "deliveries.retried", queued);
    }


    private static DeliveryStatus status(String text) {
        if (text == null) {
            return null;
        }
        for (DeliveryStatus s : DeliveryStatus.values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        return null;
    }
}
