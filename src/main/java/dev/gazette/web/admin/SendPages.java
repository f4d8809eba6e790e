package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.config.TopicConfig;
import dev.gazette.delivery.SendCount;
import dev.gazette.delivery.SendJob;
import dev.gazette.delivery.SendJobException;
import dev.gazette.delivery.SendJobProgress;
import dev.gazette.delivery.SendRequest;
import dev.gazette.subscriber.Subscriber;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Manual sends in the console ({@code /admin/sends}): a form chooses the audience (a test address with a chosen
 * subscriber's digest, the subscribers of a topic, everyone due, everyone active); a dry run counts what would happen
 * and shows a Confirm button that carries a one-time request key made when that page was rendered, so a double
 * click or a form sent again starts one send only; the send's page ({@code /admin/sends/{id}}) shows its progress,
 * read from the delivery ledger (so it survives a reload and a restart), and reloads itself every
 * {@value #REFRESH_SECONDS} seconds without script until the send is over. Every send started is in the audit log.
 */
final class SendPages {
    /** How often the page of a running send reloads itself. */
    static final int REFRESH_SECONDS = 2;
    /** How many recent sends the form's page lists. */
    static final int RECENT = 20;

    private final Gazette gazette;
    private final AdminPages admin;
    private final SecureRandom random = new SecureRandom();

    /** A send as the list shows it. */
    public record Row(SendJobProgress progress, String audience) {}

    SendPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/sends", ctx -> form(ctx, 200, SendForm.blank(), null));
        app.get("/admin/sends/dry-run", ctx -> ctx.redirect("/admin/sends", HttpStatus.SEE_OTHER));
        app.post("/admin/sends/dry-run", this::dryRun);
        app.post("/admin/sends", this::start);
        app.get("/admin/sends/{id}", this::progress);
    }

    private void form(Context ctx, int status, SendForm form, String problem) {
        List<Row> rows = new ArrayList<>();
        for (SendJob job : gazette.sendJobs().list(RECENT)) {
            rows.add(new Row(gazette.sendJobs().progress(job.id()), audience(ctx, job.request())));
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("form", form);
        vars.put("problem", problem);
        vars.put("topics", gazette.config().topics());
        vars.put("sends", rows);
        admin.render(ctx, status, "admin/sends", vars);
    }

    private void dryRun(Context ctx) {
        admin.verify(ctx);
        SendForm form = SendForm.read(ctx);
        SendRequest request;
        SendCount count;
        try {
            request = form.request(gazette.subscribers());
            count = gazette.sendJobs().dryRun(request);
        } catch (SendJobException e) {
            form(ctx, 400, form, e.getMessage());
            return;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("form", form);
        vars.put("count", count);
        vars.put("test", request.audience() == dev.gazette.delivery.SendAudience.TEST);
        vars.put("audience", audience(ctx, request));
        vars.put("requestKey", newRequestKey());
        admin.render(ctx, "admin/send-confirm", vars);
    }

    private void start(Context ctx) {
        admin.verify(ctx);
        SendForm form = SendForm.read(ctx);
        String key = ctx.formParam("request-key");
        try {
            SendRequest request = form.request(gazette.subscribers());
            boolean again = key != null && gazette.sendJobs().findByRequestKey(key).isPresent();
            SendJob job = gazette.sendJobs().start(request, key, admin.actor(ctx));
            if (!again) {
                admin.audit(ctx, "send.start", "send " + job.id(), describe(request));
            }
            admin.redirect(ctx, "/admin/sends/" + job.id(), again ? "send.again" : "send.started", job.id());
        } catch (SendJobException e) {
            form(ctx, e.problem() == SendJobException.Problem.KEY_REUSED ? 409 : 400, form, e.getMessage());
        }
    }

    private void progress(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such send");
        }
        SendJobProgress progress;
        try {
            progress = gazette.sendJobs().progress(id);
        } catch (SendJobException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("p", progress);
        vars.put("job", progress.job());
        vars.put("audience", audience(ctx, progress.job().request()));
        vars.put("refresh", progress.finished() ? null : String.valueOf(REFRESH_SECONDS));
        admin.render(ctx, "admin/send", vars);
    }

    /** Who a send is for, in the page's language. */
    private String audience(Context ctx, SendRequest r) {
        String frequency = r.frequency() == null ? admin.text(ctx, "admin.sends.bothFrequencies")
                : admin.text(ctx, "admin.frequency." + r.frequency().name().toLowerCase(Locale.ROOT));
        return switch (r.audience()) {
            case TEST -> admin.text(ctx, "admin.sends.to.test", r.testAddress(),
                    subscriberEmail(r.subscriberId()).orElse(admin.text(ctx, "admin.sends.deletedSubscriber")));
            case TOPIC -> admin.text(ctx, "admin.sends.to.topic", topicName(r.topic()), frequency);
            case DUE -> admin.text(ctx, "admin.sends.to.due", frequency);
            case ACTIVE -> admin.text(ctx, "admin.sends.to.active", frequency);
        };
    }

    /** Who a send is for, for the audit log. */
    private String describe(SendRequest r) {
        String frequency = r.frequency() == null ? "daily and weekly" : r.frequency().name().toLowerCase(Locale.ROOT);
        return switch (r.audience()) {
            case TEST -> "test to " + r.testAddress() + " with the digest of "
                    + subscriberEmail(r.subscriberId()).orElse("subscriber " + r.subscriberId());
            case TOPIC -> "the subscribers of " + r.topic() + " (" + frequency + ")";
            case DUE -> "everyone due (" + frequency + ")";
            case ACTIVE -> "everyone active (" + frequency + ")";
        };
    }

    private java.util.Optional<String> subscriberEmail(Long id) {
        return id == null ? java.util.Optional.empty() : gazette.subscribers().find(id).map(Subscriber::email);
    }

    private String topicName(String slug) {
        return gazette.config().topics().stream().filter(t -> t.slug().equals(slug)).map(TopicConfig::name).findFirst()
                .orElse(slug);
    }

    /** A one-time key for the Confirm button of one dry-run page. */
    private String newRequestKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
