package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.admin.AuditEntry;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit log in the console: newest first, filtered by actor and action, {@value #PAGE_SIZE} a page. */
final class AuditPage {
    static final int PAGE_SIZE = 100;

    private final Gazette gazette;
    private final AdminPages admin;

    AuditPage(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/audit", this::list);
    }

    private void list(Context ctx) {
        String actor = param(ctx, "actor");
        String action = param(ctx, "action");
        long before = 0;
        try {
            before = ctx.queryParam("before") == null ? 0 : Long.parseLong(ctx.queryParam("before"));
        } catch (NumberFormatException ignored) {
            // the newest page
        }
        List<AuditEntry> found = gazette.admin().audit().list(actor, action, before, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<AuditEntry> page = more ? found.subList(0, PAGE_SIZE) : found;
        Map<String, Object> vars = new HashMap<>();
        vars.put("entries", page);
        vars.put("more", more);
        vars.put("nextBefore", page.isEmpty() ? 0 : page.get(page.size() - 1).id());
        vars.put("first", before == 0);
        vars.put("actor", actor);
        vars.put("action", action);
        admin.render(ctx, "admin/audit", vars);
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
