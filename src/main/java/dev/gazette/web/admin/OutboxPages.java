package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.Sha256;
import dev.gazette.delivery.smtp.DemoOutbox;
import dev.gazette.delivery.smtp.OutboxMessage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo outbox in the console (when {@code mail.host} is empty and this process runs the outbox): every captured
 * email, newest first, and each one as its recipient would see it: the HTML (sandboxed, on its own address), the
 * text part, and the headers.
 */
final class OutboxPages {
    private final Gazette gazette;
    private final AdminPages admin;

    /** A message in the list: its key (for its address), and the message. */
    public record Entry(String key, OutboxMessage message) {}

    /** One header, decoded for people. */

    OutboxPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/outbox", this::list);
        app.get("/admin/outbox/{key}", this::show);
        app.get("/admin/outbox/{key}/html", this::html);
    }

    private void list(Context ctx) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("demo", gazette.mail().isDemo());
        vars.put("mail", gazette.mail().describe());
        Optional<DemoOutbox> outbox = gazette.mail().outbox();
        vars.put("running", outbox.isPresent());
        List<Entry> entries = new ArrayList<>();
        outbox.ifPresent(o -> o.messages().forEach(m -> entries.add(new Entry(key(m), m))));
        Collections.reverse(entries);
        vars.put("entries", entries);
        admin.render(ctx, "admin/outbox", vars);
    }

    private void show(Context ctx) {
        OutboxMessage message = message(ctx);
        Map<String, Object> vars = new HashMap<>();
        vars.put("key", key(message));
        vars.put("m", message);
        vars.put("headers", message.headers());
        admin.render(ctx, "admin/outbox-message", vars);
    }

    private void html(Context ctx) {
        PreviewPages.sandboxed(ctx, message(ctx).html());
    }

    private OutboxMessage message(Context ctx) {
        String key = ctx.pathParam("key");
        return gazette.mail().outbox().flatMap(o -> o.messages().stream().filter(m -> key(m).equals(key)).findFirst())
                .orElseThrow(() -> new NotFoundResponse("no such message in the outbox"));
    }

    /** A stable key for a message: the outbox has one copy per recipient, each with its own Message-ID. */
    static String key(OutboxMessage m) {
        return Sha256.hex(m.to() + "\n" + m.messageId() + "\n" + m.receivedAt()).substring(0, 20);
    }
}
