package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.admin.AdminException;
import dev.gazette.admin.AdminSession;
import dev.gazette.admin.AdminUser;
import dev.gazette.admin.LoginThrottle;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Log-in, log-out and the guard in front of every page under {@code /admin}.
 *
 * <ul>
 *   <li>The session lives in the cookie {@value #COOKIE}: HttpOnly, SameSite=Lax, path /admin, Secure when
 *       {@code server.public-url} is https; no expiry date (it ends with the browser), and the server ends it after
 *       {@code admin.session-timeout} without use.</li>
 *   <li>Without a live session, a GET is redirected to the log-in page (which comes back to it afterwards), and any
 *       other request is refused with 403: nothing changes.</li>
 *   <li>A wrong name and a wrong password get the same answer, after a pause of {@link #FAILURE_DELAY}; repeated
 *       failures lock the name or address for a while ({@link LoginThrottle}).</li>
 *   <li>Every admin page is sent with {@code Cache-Control: no-store}, a strict Content-Security-Policy (no script
 *       at all) and may not be framed.</li>
 * </ul>
 */
final class AdminAuth {
    static final String COOKIE = "gazette_admin";
    /** How long a failed log-in waits before it answers. */
    static final Duration FAILURE_DELAY = Duration.ofMillis(500);
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Gazette gazette;
    private final AdminPages admin;
    private final LoginThrottle throttle;
    private final boolean secureCookie;

    AdminAuth(Gazette gazette, AdminPages admin, LoginThrottle throttle) {
        this.gazette = gazette;
        this.admin = admin;
        this.throttle = throttle;
        this.secureCookie = gazette.config().server().publicUrl().startsWith("https:");
    }

    void register(Javalin app) {
        app.before("/admin", this::guard);
        app.before("/admin/*", this::guard);
        app.get("/admin/login", this::loginPage);
        app.post("/admin/login", this::login);
        app.post("/admin/logout", this::logout);
        app.get("/admin/account", ctx -> admin.render(ctx, "admin/account", Map.of()));
        app.post("/admin/account", this::changePassword);
    }

    /** Before every /admin route: security headers, then a live session or no further. */
    void guard(Context ctx) {
        if (ctx.attribute(AdminPages.SESSION) != null) {
            return; // matched twice (/admin and /admin/*)
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (ctx.path().equals("/admin/login")) {
            return;
        }
        Optional<AdminSession> session = gazette.admin().sessions().use(ctx.cookie(COOKIE));
        if (session.isPresent()) {
            ctx.attribute(AdminPages.SESSION, session.get());
            return;
        }
        if (ctx.cookie(COOKIE) != null) {
            ctx.removeCookie(COOKIE, "/admin");
        }
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/admin/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                    .result("Log in first: /admin/login. Nothing was changed.");
        }
        ctx.skipRemainingHandlers();
    }

    private void loginPage(Context ctx) {
        if (gazette.admin().sessions().use(ctx.cookie(COOKIE)).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        admin.render(ctx, "admin/login", loginVariables(ctx.queryParam("next"), "", null));
    }

    private void login(Context ctx) throws InterruptedException {
        admin.verify(ctx);
        String name = value(ctx.formParam("name"), 64);
        String password = ctx.formParam("password");
        String next = ctx.formParam("next");
        String address = ctx.ip();
        Optional<Duration> locked = throttle.lockedFor(name, address);
        if (locked.isPresent()) {
            String target = gazette.admin().accounts().findByName(name).map(AdminUser::name).orElse("(no such admin)");
            gazette.admin().audit().record("anonymous", "login.refused", target, "locked after failed log-ins; from " + address);
            long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
            admin.render(ctx, 429, "admin/login", loginVariables(next, name, admin.text(ctx, "admin.login.locked", minutes)));
            return;
        }
        Optional<AdminUser> user = gazette.admin().accounts().authenticate(name, password);
        if (user.isEmpty()) {
            throttle.failed(name, address);
            // The name only if it is an admin's: a password typed into the name field stays out of the log.
            String target = gazette.admin().accounts().findByName(name).map(AdminUser::name).orElse("(no such admin)");
            gazette.admin().audit().record("anonymous", "login.failed", target, "from " + address);
            Thread.sleep(FAILURE_DELAY.toMillis());
            admin.render(ctx, 401, "admin/login", loginVariables(next, name, admin.text(ctx, "admin.login.wrong")));
            return;
        }
        throttle.succeeded(name);
        String id = gazette.admin().sessions().start(user.get());
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setPath("/admin");
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
        gazette.admin().audit().record(user.get().name(), "login", null, "from " + address);
        ctx.redirect(safeNext(next), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        admin.verify(ctx);
        String actor = admin.actor(ctx);
        gazette.admin().sessions().end(ctx.cookie(COOKIE));
        ctx.removeCookie(COOKIE, "/admin");
        gazette.admin().audit().record(actor, "logout", null, null);
        ctx.redirect("/admin/login?done=logged-out", HttpStatus.SEE_OTHER);
    }

    private void changePassword(Context ctx) {
        admin.verify(ctx);
        AdminSession session = admin.session(ctx);
        String current = ctx.formParam("current");
        String fresh = ctx.formParam("password");
        String again = ctx.formParam("again");
        String problem = null;
        if (!gazette.admin().accounts().checkPassword(session.adminId(), current)) {
            problem = admin.text(ctx, "admin.account.wrongCurrent");
        } else if (fresh == null || !fresh.equals(again)) {
            problem = admin.text(ctx, "admin.account.differ");
        } else {
            try {
                gazette.admin().accounts().changePassword(session.adminName(), fresh, ctx.cookie(COOKIE));
            } catch (AdminException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            admin.render(ctx, 400, "admin/account", Map.of("problem", problem));
            return;
        }
        admin.audit(ctx, "admin.password", session.adminName(), "other sessions ended");
        admin.redirect(ctx, "/admin/account", "password", 0);
    }

    private static Map<String, Object> loginVariables(String next, String name, String problem) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("next", safeNext(next));
        variables.put("name", name == null ? "" : name);
        variables.put("problem", problem);
        return variables;
    }

    /** Where to go after logging in: a page of the console only, never another site. */
    static String safeNext(String next) {
        if (next == null || !(next.equals("/admin") || next.startsWith("/admin/") || next.startsWith("/admin?"))
                || next.startsWith("/admin/login") || next.contains("\\") || next.chars().anyMatch(Character::isISOControl)) {
            return "/admin";
        }
        return next;
    }

    private static String value(String text, int max) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
