package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.delivery.DigestComposer;
import dev.gazette.subscriber.Subscriber;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Preview a subscriber's next digest exactly as it would be sent (nothing is sent or recorded): the subject and
 * preheader, the HTML in a sandboxed frame, the text part as it is. The HTML is served on its own address with
 * {@code Content-Security-Policy: sandbox}, so even a digest gone wrong cannot run script or reach the console.
 */
final class PreviewPages {
    /** For an email's HTML shown in the console: no script, no forms, no plug-ins, only inline styles and images. */
    static final String SANDBOX = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'";

    private final Gazette gazette;
    private final AdminPages admin;

    PreviewPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/preview", this::page);
        app.get("/admin/preview/{id}/html", this::html);
    }

    private void page(Context ctx) {
        String email = ctx.queryParam("email") == null ? "" : ctx.queryParam("email").strip();
        Map<String, Object> vars = new HashMap<>();
        vars.put("email", email);
        if (!email.isEmpty()) {
            Optional<Subscriber> subscriber = gazette.subscribers().findByEmail(email);
            if (subscriber.isEmpty()) {
                vars.put("problem", admin.text(ctx, "admin.preview.noSubscriber", email));
                admin.render(ctx, 404, "admin/preview", vars);
                return;
            }
            vars.put("s", subscriber.get());
            try {
                vars.put("composed", gazette.digests().preview(subscriber.get()));
            } catch (GazetteException e) {
                vars.put("problem", e.getMessage());
                admin.render(ctx, 500, "admin/preview", vars);
                return;
            }
        }
        admin.render(ctx, "admin/preview", vars);
    }

    private void html(Context ctx) {
        Subscriber subscriber;
        try {
            subscriber = gazette.subscribers().find(Long.parseLong(ctx.pathParam("id")))
                    .orElseThrow(() -> new NotFoundResponse("no such subscriber"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such subscriber");
        }
        DigestComposer.Composed composed = gazette.digests().preview(subscriber);
        sandboxed(ctx, composed.digest().html());
    }

    /** Send an email's HTML for a frame of the console, sandboxed. */
    static void sandboxed(Context ctx, String html) {
        ctx.header("Content-Security-Policy", SANDBOX);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
