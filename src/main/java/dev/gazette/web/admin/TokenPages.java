package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.admin.AdminException;
import dev.gazette.admin.ApiToken;
import dev.gazette.admin.NewApiToken;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * API tokens in the console: create one (its secret is on the page that answers the form, once, never in a URL and
 * never stored), list them with when each was last used, revoke.
 */
final class TokenPages {
    private final Gazette gazette;
    private final AdminPages admin;

    TokenPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/tokens", ctx -> render(ctx, 200, null, null));
        app.post("/admin/tokens", this::create);
        app.post("/admin/tokens/{id}/revoke", this::revoke);
    }

    private void create(Context ctx) {
        admin.verify(ctx);
        NewApiToken created;
        try {
            created = gazette.admin().apiTokens().create(ctx.formParam("name"), admin.actor(ctx));
        } catch (AdminException e) {
            render(ctx, 400, null, e.getMessage());
            return;
        }
        admin.audit(ctx, "token.create", created.token().name(), "id " + created.token().id());
        render(ctx, 200, created, null);
    }

    private void revoke(Context ctx) {
        admin.verify(ctx);
        ApiToken token;
        try {
            token = gazette.admin().apiTokens().find(Long.parseLong(ctx.pathParam("id")))
                    .orElseThrow(() -> new NotFoundResponse("no such token"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such token");
        }
        if (gazette.admin().apiTokens().revoke(token.id(), admin.actor(ctx))) {
            admin.audit(ctx, "token.revoke", token.name(), "id " + token.id());
        }
        admin.redirect(ctx, "/admin/tokens", "token.revoked", token.id());
    }

    private void render(Context ctx, int status, NewApiToken created, String problem) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("tokens", gazette.admin().apiTokens().list());
        vars.put("created", created);
        vars.put("problem", problem);
        admin.render(ctx, status, "admin/tokens", vars);
    }
}
