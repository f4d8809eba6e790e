package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.admin.LoginThrottle;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebModule;
import dev.gazette.web.WebTemplates;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin console under {@code /admin}: log-in and the guard in front of every page ({@link AdminAuth}), the
 * dashboard, sources, subscribers (with import and export), keyword alerts, topics, items to pin, editor's notes, digest preview,
 * manual sends, deliveries, the demo outbox, API tokens and the audit log. Every page shares the nav fragment
 * {@code web/admin/nav.html} and {@link AdminPages}; every change is a POST with a CSRF value, recorded in the audit
 * log.
 */
public final class AdminModule implements WebModule {
    private final Gazette gazette;
    private final AdminPages admin;
    private final Supplier<Map<String, Instant>> nextRuns;
    private final Supplier<Optional<Instant>> nextDigestRun;

    public AdminModule(Gazette gazette, WebTemplates pages, Csrf csrf, Supplier<Map<String, Instant>> nextRuns,
            Supplier<Optional<Instant>> nextDigestRun) {
        this.gazette = gazette;
        this.admin = new AdminPages(gazette, pages, csrf);
        this.nextRuns = nextRuns;
        this.nextDigestRun = nextDigestRun;
    }

    /** The shared helper of admin pages, for the console's other modules. */
    public AdminPages pages() {
        return admin;
    }

    @Override
    public void register(Javalin app) {
        new AdminAuth(gazette, admin, new LoginThrottle(Clock.systemUTC())).register(app);
        new DashboardPage(gazette, admin, nextRuns, nextDigestRun).register(app);
        new SourcePages(gazette, admin, nextRuns).register(app);
        new SubscriberImportPage(gazette, admin).register(app); // before /admin/subscribers/{id}
        new SubscriberPages(gazette, admin).register(app);
        new AlertPages(gazette, admin).register(app);
        new TopicPages(gazette, admin).register(app);
        new ItemPages(gazette, admin).register(app);
        new NotePages(gazette, admin).register(app);
        new PreviewPages(gazette, admin).register(app);
        new SendPages(gazette, admin).register(app);
        new DeliveryPages(gazette, admin).register(app);
        new OutboxPages(gazette, admin).register(app);
        new TokenPages(gazette, admin).register(app);
        new AuditPage(gazette, admin).register(app);
    }
}
