package dev.gazette.web.reader;

import dev.gazette.Gazette;
import dev.gazette.calendar.CalendarLinks;
import dev.gazette.calendar.EventCalendar;
import dev.gazette.item.Item;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebTemplates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Events in readers' calendars. {@code GET /events/{ref}/event.ics} is one event's "add to calendar" file (the link
 * under each event in emails); its reference carries a MAC of the item id, so that ids cannot be walked through.
 * {@code GET /calendar/{token}/gazette.ics} is a subscriber's private feed of the upcoming events on their topics,
 * for a calendar app to subscribe to ({@code webcal://}); no cookies, no CSRF (it only reads). A feed token that is
 * forged, tampered, revoked, or whose subscriber left or bounced gets a bare 404, which a calendar app takes as
 * "gone". In the preference centre, {@code POST /preferences/{token}/calendar/revoke} gives the feed a new address
 * (raising the subscriber's calendar version) and leaves the links in emails working.
 */
final class CalendarPages {
    static final String CALENDAR_TYPE = "text/calendar; charset=utf-8";
    /** Longest file name offered for an event's .ics, before the extension. */
    static final int FILE_NAME_LIMIT = 60;

    private final Gazette gazette;
    private final WebTemplates pages;
    private final Csrf csrf;
    private final SignedLinks links;

    CalendarPages(Gazette gazette, WebTemplates pages, Csrf csrf, SignedLinks links) {
        this.gazette = gazette;
        this.pages = pages;
        this.csrf = csrf;
        this.links = links;
    }

    void register(Javalin app) {
        app.get(CalendarLinks.EVENT_PATH + "{ref}" + CalendarLinks.EVENT_FILE, this::event);
        app.get(CalendarLinks.FEED_PATH + "{token}" + CalendarLinks.FEED_FILE, this::feed);
        app.post("/preferences/{token}/calendar/revoke", this::revoke);
    }

    /** What the preference centre shows of the subscriber's feed: its https and webcal addresses. */
    record Section(String feedUrl, String webcalUrl) {
        static Section of(Gazette gazette, Subscriber subscriber) {
            CalendarLinks calendarLinks = gazette.calendarLinks();
            return new Section(calendarLinks.feedUrl(subscriber), calendarLinks.webcalUrl(subscriber));
        }
    }

    private void event(Context ctx) {
        CalendarLinks calendarLinks = gazette.calendarLinks();
        Optional<Item> item = calendarLinks.itemId(ctx.pathParam("ref"))
                .flatMap(id -> gazette.items().find(id))
                .filter(EventCalendar::isEvent);
        if (item.isEmpty()) {
            notFound(ctx);
            return;
        }
        String title = item.get().title();
        calendarHeaders(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + asciiFileName(title) + ".ics\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName(title) + ".ics", StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(CALENDAR_TYPE).result(gazette.eventCalendar().ics(item.get()));
    }

    private void feed(Context ctx) {
        Optional<Subscriber> subscriber = gazette.calendarLinks().feedClaim(ctx.pathParam("token"))
                .flatMap(claim -> gazette.subscribers().find(claim.subjectId()).filter(claim::isCurrentFor))
                .filter(s -> s.status() == SubscriberStatus.ACTIVE);
        if (subscriber.isEmpty()) {
            notFound(ctx);
            return;
        }
        ctx.attribute(WebTemplates.PREFERRED_LANGUAGE, subscriber.get().locale().getLanguage());
        String name = pages.text(ctx, "reader.calendar.feedName");
        calendarHeaders(ctx);
        ctx.header("Content-Disposition", "inline; filename=\"gazette.ics\"");
        ctx.contentType(CALENDAR_TYPE).result(gazette.calendarFeed().ics(subscriber.get(), name));
    }

    /** The feed's old address stops working; the visitor is shown the new one. */
    private void revoke(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        if (subscriber.status() == SubscriberStatus.ACTIVE) {
            gazette.subscribers().revokeCalendar(subscriber.id());
        }
        ctx.redirect("/preferences/" + SignedLinks.token(ctx) + "?done=calendar#calendar", HttpStatus.SEE_OTHER);
    }

    private static void calendarHeaders(Context ctx) {
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    private static void notFound(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("Not found");
    }

    /** The title as a file name: no path separators, quotes or control characters, not too long; "event" if empty. */
    static String fileName(String title) {
        String name = (title == null ? "" : title).replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|;%]+", " ")
                .replaceAll("\\s+", " ").strip();
        name = name.codePoints().limit(FILE_NAME_LIMIT).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString().strip();
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? "event" : name;
    }

    /** The same in ASCII letters, digits, '-' and '_' for the plain {@code filename=}; "event" if nothing is left. */
    static String asciiFileName(String title) {
        String ascii = Normalizer.normalize(fileName(title), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return ascii.isEmpty() ? "event" : ascii;
    }
}
