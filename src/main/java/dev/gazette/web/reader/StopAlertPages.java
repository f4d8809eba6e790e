package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderPages.model;

import dev.gazette.Gazette;
import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertNotFoundException;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebTemplates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Stopping alerts from an alert email, the digest left alone. Stopping pauses: the reader can resume the alert from
 * their alerts page, which these pages link to.
 * <ul>
 *   <li>{@code /alerts/stop/{token}} ({@link TokenPurpose#ALERT}, the link beside each alert): one alert.</li>
 *   <li>{@code /alerts/stop-all/{token}} ({@link TokenPurpose#ALERTS}, the List-Unsubscribe of alert emails): every
 *       alert of the subscriber.</li>
 * </ul>
 * As {@link UnsubscribePages}: GET shows a page with one button and changes nothing (mail scanners follow links); the
 * button POSTs with the CSRF field and is answered with a redirect to the page, which then says what was done; an
 * RFC 8058 one-click POST ({@code List-Unsubscribe=One-Click}, no cookies, no CSRF field: the signed token is its
 * authority) takes effect at once and is answered 200 with a short text, never a redirect or a cookie.
 */
final class StopAlertPages {
    private static final String ONE_CLICK = "One-Click";

    private final Gazette gazette;
    private final WebTemplates pages;
    private final Csrf csrf;
    private final SignedLinks links;

    StopAlertPages(Gazette gazette, WebTemplates pages, Csrf csrf, SignedLinks links) {
        this.gazette = gazette;
        this.pages = pages;
        this.csrf = csrf;
        this.links = links;
    }

    void register(Javalin app) {
        app.get("/alerts/stop/{token}", this::onePage);
        app.post("/alerts/stop/{token}", this::stopOne);
        app.get("/alerts/stop-all/{token}", this::allPage);
        app.post("/alerts/stop-all/{token}", this::stopAll);
    }

    private void onePage(Context ctx) {
        SignedLinks.Stopping stopping = links.alert(ctx, gazette.alerts());
        Alert alert = stopping.alert();
        pages.render(ctx, "reader/stop-alert", model("alert", alert, "all", false, "alerts", List.of(alert),
                "stopped", alert.paused(), "token", SignedLinks.token(ctx), "csrf", csrf.token(ctx),
                "alertsPath", alertsPath(stopping.subscriber())));
    }

    private void stopOne(Context ctx) {
        boolean oneClick = isOneClick(ctx);
        if (!oneClick) {
            csrf.verify(ctx);
        }
        try {
            SignedLinks.Stopping stopping = links.alert(ctx, gazette.alerts());
            gazette.alerts().pause(stopping.alert().id());
        } catch (InvalidLinkException | AlertNotFoundException e) {
            if (oneClick) {
                refuse(ctx, e instanceof InvalidLinkException invalid ? invalid.reason() : InvalidLinkException.Reason.GONE);
                return;
            }
            throw e instanceof InvalidLinkException invalid ? invalid : new InvalidLinkException(InvalidLinkException.Reason.GONE);
        }
        done(ctx, oneClick, "/alerts/stop/", "Alert stopped.\n");
    }

    private void allPage(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.ALERTS);
        List<Alert> alerts = gazette.alerts().of(subscriber.id());
        pages.render(ctx, "reader/stop-alert", model("alert", null, "all", true, "alerts", alerts,
                "stopped", alerts.stream().allMatch(Alert::paused), "token", SignedLinks.token(ctx),
                "csrf", csrf.token(ctx), "alertsPath", alertsPath(subscriber)));
    }

    private void stopAll(Context ctx) {
        boolean oneClick = isOneClick(ctx);
        if (!oneClick) {
            csrf.verify(ctx);
        }
        Subscriber subscriber;
        try {
            subscriber = links.subscriber(ctx, TokenPurpose.ALERTS);
        } catch (InvalidLinkException e) {
            if (oneClick) {
                refuse(ctx, e.reason());
                return;
            }
            throw e;
        }
        gazette.alerts().pauseAll(subscriber.id());
        done(ctx, oneClick, "/alerts/stop-all/", "Alerts stopped.\n");
    }

    /** A one-click POST gets a short text for a mail provider's robot; the page's button, the page again. */
    private static void done(Context ctx, boolean oneClick, String page, String text) {
        if (oneClick) {
            ctx.contentType("text/plain; charset=utf-8");
            ctx.status(200).result(text);
        } else {
            ctx.redirect(page + SignedLinks.token(ctx), HttpStatus.SEE_OTHER);
        }
    }

    private static void refuse(Context ctx, InvalidLinkException.Reason reason) {
        ctx.contentType("text/plain; charset=utf-8");
        ctx.status(reason.status).result("This link to stop alerts is not valid (" + reason.key() + ").\n");
    }

    /** The subscriber's alerts page, where a stopped alert can be resumed. */
    private String alertsPath(Subscriber subscriber) {
        return "/preferences/" + gazette.tokens().issue(TokenPurpose.PREFERENCES, subscriber) + "/alerts";
    }

    /** As {@link UnsubscribePages}: {@code List-Unsubscribe=One-Click} as a form field or a bare body. */
    private static boolean isOneClick(Context ctx) {
        String type = ctx.contentType();
        if (type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
            return ONE_CLICK.equals(ctx.formParam("List-Unsubscribe"));
        }
        return ("List-Unsubscribe=" + ONE_CLICK).equals(ctx.body().strip());
    }
}
