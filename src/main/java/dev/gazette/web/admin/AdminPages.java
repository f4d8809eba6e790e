package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.admin.AdminSession;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebTemplates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every admin page shares: rendering inside the console's frame (the admin nav, the CSRF value, the admin's
 * name, times formatted in one zone, the notice of the last action), the current admin, the audit log, and the
 * redirect after a change. Pages of other features of the console use it too:
 *
 * <pre>{@code
 * app.get("/admin/sources", ctx -> admin.render(ctx, "admin/sources", Map.of("sources", ...)));
 * app.post("/admin/sources/{id}/fetch", ctx -> {
 *     admin.verify(ctx);                                   // CSRF, first
 *     ...
 *     admin.audit(ctx, "source.fetch", id, "3 new items"); // who did what to what
 *     admin.redirect(ctx, "/admin/sources", "source.fetched", 3); // shows admin.done.source.fetched
 * });
 * }</pre>
 *
 * Every route under {@code /admin} is already guarded (see {@link AdminAuth}): a handler runs only for a logged-in
 * admin.
 */
public final class AdminPages {
    /** Request attribute holding the {@link AdminSession} of the logged-in admin. */
    static final String SESSION = "gazette.admin.session";
    private static final Pattern NOTICE_KEY = Pattern.compile("[a-z][a-z0-9.-]{0,60}");

    private final Gazette gazette;
    private final WebTemplates pages;
    private final Csrf csrf;
    private final AdminFormat format;

    public AdminPages(Gazette gazette, WebTemplates pages, Csrf csrf) {
        this.gazette = gazette;
        this.pages = pages;
        this.csrf = csrf;
        this.format = new AdminFormat(ZoneId.of(gazette.config().subscribers().timeZone()));
    }

    /**
     * Render an admin page with status 200. Besides {@code variables}, the template gets {@code csrf} (for every
     * form), {@code admin} (the admin's name), {@code fmt} ({@link AdminFormat}) and {@code notice} (the text of
     * the last action's result, or null).
     */
    public void render(Context ctx, String template, Map<String, ?> variables) {
        render(ctx, 200, template, variables);
    }

    public void render(Context ctx, int status, String template, Map<String, ?> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("csrf", csrf.token(ctx));
        AdminSession session = ctx.attribute(SESSION);
        all.put("admin", session == null ? null : session.adminName());
        all.put("fmt", format);
        all.putIfAbsent("notice", notice(ctx));
        pages.render(ctx, status, template, all);
    }

    /** The logged-in admin's name: the actor of their audit entries. */
    public String actor(Context ctx) {
        AdminSession session = ctx.attribute(SESSION);
        if (session == null) {
            throw new IllegalStateException("no admin is logged in on " + ctx.path() + ": is it outside /admin?");
        }
        return session.adminName();
    }

    /** The logged-in admin's session. */
    public AdminSession session(Context ctx) {
        AdminSession session = ctx.attribute(SESSION);
        if (session == null) {
            throw new IllegalStateException("no admin is logged in on " + ctx.path());
        }
        return session;
    }

    /** Refuse the request (403) unless its form carries this browser's CSRF value. Call first in every POST. */
    public void verify(Context ctx) {
        csrf.verify(ctx);
    }

    /** Record what the logged-in admin did. */
    public void audit(Context ctx, String action, String target, String detail) {
        gazette.admin().audit().record(actor(ctx), action, target, detail);
    }

    /**
     * After a change: 303 to a page (a path under /admin, may have a query) that shows the text
     * {@code admin.done.<notice>} with {@code n} as its argument {0}.
     */
    public void redirect(Context ctx, String path, String notice, long n) {
        String separator = path.contains("?") ? "&" : "?";
        ctx.redirect(path + separator + "done=" + URLEncoder.encode(notice, StandardCharsets.UTF_8) + "&n=" + n,
                HttpStatus.SEE_OTHER);
    }

    /** A text in the request's language. */
    public String text(Context ctx, String key, Object... parameters) {
        return pages.text(ctx, key, parameters);
    }

    /** The request's language (English or Korean). */
    public java.util.Locale locale(Context ctx) {
        return pages.locale(ctx);
    }

    /** The times formatter of the console. */
    public AdminFormat format() {
        return format;
    }

    private String notice(Context ctx) {
        String key = ctx.queryParam("done");
        if (key == null || !NOTICE_KEY.matcher(key).matches()) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(ctx.queryParamMap().getOrDefault("n", java.util.List.of("0")).get(0));
        } catch (NumberFormatException e) {
            n = 0;
        }
        String text = pages.text(ctx, "admin.done." + key, n);
        return text.startsWith("??") ? null : text;
    }
}
