package dev.gazette.web.reader;

import dev.gazette.Gazette;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebModule;
import dev.gazette.web.WebTemplates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The pages for subscribers: public, without an account. Anyone may subscribe ({@code /}, {@code /subscribe}: double
 * opt-in); every other page is opened from a link in an email, whose signed token is its only authority:
 * {@code /confirm/{token}}, {@code /preferences/{token}}, {@code /unsubscribe/{token}} (with the RFC 8058 one-click
 * POST) and {@code /view/{token}}; events' .ics files and subscribers' calendar feeds are {@link CalendarPages}. A token that is not valid for its page gets a page saying so (404, or 410 when it
 * expired or was revoked) and changes nothing. Following a link (GET) never changes anything, since mail scanners
 * follow links: every change is a POST from a button, protected by {@link Csrf}, except the one-click unsubscribe.
 *
 * <p>Token pages are not cached, not indexed, not framed, and send no Referer (the token is in their address).
 */
public final class ReaderPages implements WebModule {
    private final Gazette gazette;
    private final WebTemplates pages;
    private final Csrf csrf;

    public ReaderPages(Gazette gazette, WebTemplates pages, Csrf csrf) {
        this.gazette = gazette;
        this.pages = pages;
        this.csrf = csrf;
    }

    @Override
    public void register(Javalin app) {
        SignedLinks links = new SignedLinks(gazette.tokens(), gazette.subscribers(), gazette.digests().ledger());
        FormChoices choices = new FormChoices(gazette.config().topics());
        NoticeSender notices = new NoticeSender(gazette);
        app.events(events -> events.serverStopped(notices::close));
        for (String path : new String[] {"/confirm/*", "/preferences/*", "/unsubscribe/*", "/view/*", "/alerts/*"}) {
            app.before(path, ReaderPages::privatePage);
        }
        app.exception(InvalidLinkException.class, (e, ctx) -> invalidLink(ctx, e));
        new SubscribePages(gazette, pages, csrf, links, choices, notices).register(app);
        new PreferencePages(gazette, pages, csrf, links, choices).register(app);
        new UnsubscribePages(gazette, pages, csrf, links).register(app);
        new AlertPages(gazette, pages, csrf, links, choices).register(app);
        new StopAlertPages(gazette, pages, csrf, links).register(app);
        new ViewPage(gazette, links).register(app);
        new CalendarPages(gazette, pages, csrf, links).register(app);
    }

    private static void privatePage(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    private void invalidLink(Context ctx, InvalidLinkException e) {
        pages.render(ctx, e.reason().status, "reader/link", Map.of("reason", e.reason().key()));
    }

    /** A page's variables; unlike {@link Map#of}, values may be null. */
    static Map<String, Object> model(Object... namesAndValues) {
        Map<String, Object> model = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            model.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return model;
    }
}
