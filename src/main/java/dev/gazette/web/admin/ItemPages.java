package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.item.ItemQuery;
import dev.gazette.item.Pin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Items in the console ({@code /admin/items}): the latest items, filtered by topic, each with a button that pins it
 * for the next edition (each subscriber's next digest features it, once) or unpins it, and the items pinned now.
 */
final class ItemPages {
    /** How many items the page lists. */
    static final int LIMIT = 100;

    private final Gazette gazette;
    private final AdminPages admin;

    ItemPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/items", this::list);
        app.post("/admin/items/{id}/pin", this::pin);
        app.post("/admin/items/{id}/unpin", this::unpin);
    }

    private void list(Context ctx) {
        String topic = topic(ctx.queryParam("topic"));
        List<Pin> pins = gazette.pinnedItems().current(LIMIT);
        Set<Long> pinned = pins.stream().map(p -> p.item().id()).collect(Collectors.toSet());
        Map<String, Object> vars = new HashMap<>();
        vars.put("topic", topic == null ? "" : topic);
        vars.put("topics", gazette.config().topics());
        vars.put("items", gazette.items().list(new ItemQuery(null, topic, null, null, LIMIT)));
        vars.put("pins", pins);
        vars.put("pinned", pinned);
        vars.put("limit", LIMIT);
        admin.render(ctx, "admin/items", vars);
    }

    private void pin(Context ctx) {
        admin.verify(ctx);
        long id = id(ctx);
        Pin pin;
        try {
            pin = gazette.pinnedItems().pin(id, admin.actor(ctx));
        } catch (GazetteException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        admin.audit(ctx, "item.pin", "item " + id, pin.item().title());
        admin.redirect(ctx, back(ctx), "item.pinned", id);
    }

    private void unpin(Context ctx) {
        admin.verify(ctx);
        long id = id(ctx);
        Optional<Pin> pin = gazette.pinnedItems().current(Integer.MAX_VALUE).stream().filter(p -> p.item().id() == id)
                .findFirst();
        if (pin.isPresent() && gazette.pinnedItems().unpin(id, admin.actor(ctx))) {
            admin.audit(ctx, "item.unpin", "item " + id, pin.get().item().title());
        }
        admin.redirect(ctx, back(ctx), "item.unpinned", id);
    }

    /** The list as it was (its topic filter), after a pin or unpin. */
    private String back(Context ctx) {
        String topic = topic(ctx.formParam("topic"));
        return topic == null ? "/admin/items" : "/admin/items?topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
    }

    private String topic(String slug) {
        return slug != null && gazette.config().topics().stream().anyMatch(t -> t.slug().equals(slug)) ? slug : null;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such item");
        }
    }
}
