package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderPages.model;

import dev.gazette.Gazette;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebTemplates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Unsubscribing, from the List-Unsubscribe header or the link in every email's footer.
 * <ul>
 *   <li>RFC 8058 one-click: a POST whose body is {@code List-Unsubscribe=One-Click}, as mailbox providers send it,
 *       without cookies: no CSRF check (the signed token in the address is its authority), effective at once
 *       (a digest already queued for the subscriber is skipped by the send run), answered 200 with a short text
 *       and never a redirect.</li>
 *   <li>GET shows a page with one button and changes nothing: mail scanners follow links.</li>
 *   <li>The button POSTs with the CSRF field, then the page confirms the unsubscribe and offers to subscribe
 *       again (another POST, authorised by the same token).</li>
 * </ul>
 */
final class UnsubscribePages {
    private static final String ONE_CLICK = "One-Click";

    private final Gazette gazette;
    private final WebTemplates pages;
    private final Csrf csrf;
    private final SignedLinks links;

    UnsubscribePages(Gazette gazette, WebTemplates pages, Csrf csrf, SignedLinks links) {
        this.gazette = gazette;
        this.pages = pages;
        this.csrf = csrf;
        this.links = links;
    }

    void register(Javalin app) {
        app.get("/unsubscribe/{token}", this::page);
        app.post("/unsubscribe/{token}", this::unsubscribe);
        app.post("/unsubscribe/{token}/resubscribe", this::resubscribe);
    }

    private void page(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.UNSUBSCRIBE);
        boolean left = subscriber.status() == SubscriberStatus.UNSUBSCRIBED || subscriber.status() == SubscriberStatus.BOUNCED;
        pages.render(ctx, "reader/unsubscribe", model("subscriber", subscriber, "left", left,
                "welcomeBack", !left && ctx.queryParam("resubscribed") != null, "token", SignedLinks.token(ctx),
                "csrf", csrf.token(ctx),
                "next", NextDigest.of(subscriber, gazette.clock().instant(), pages.locale(ctx))));
    }

    private void unsubscribe(Context ctx) {
        if (isOneClick(ctx)) {
            oneClick(ctx);
            return;
        }
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.UNSUBSCRIBE);
        gazette.subscribers().unsubscribe(subscriber.id());
        ctx.redirect("/unsubscribe/" + SignedLinks.token(ctx), HttpStatus.SEE_OTHER);
    }

    /** RFC 8058: a short answer for a mail provider's robot, never a page, a redirect or a cookie. */
    private void oneClick(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8");
        try {
            Subscriber subscriber = links.subscriber(ctx, TokenPurpose.UNSUBSCRIBE);
            gazette.subscribers().unsubscribe(subscriber.id());
            ctx.status(200).result("Unsubscribed.\n");
        } catch (InvalidLinkException e) {
            ctx.status(e.reason().status).result("This unsubscribe link is not valid (" + e.reason().key() + ").\n");
        }
    }

    private void resubscribe(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.UNSUBSCRIBE);
        if (subscriber.status() == SubscriberStatus.UNSUBSCRIBED || subscriber.status() == SubscriberStatus.BOUNCED) {
            gazette.subscribers().updateStatus(subscriber.id(), SubscriberStatus.ACTIVE);
        }
        ctx.redirect("/unsubscribe/" + SignedLinks.token(ctx) + "?resubscribed", HttpStatus.SEE_OTHER);
    }

    /**
     * Whether the body says {@code List-Unsubscribe=One-Click}: a form field (urlencoded or multipart, RFC 8058
     * allows both), or the bare body of a sender that gave no content type.
     */
    private static boolean isOneClick(Context ctx) {
        String type = ctx.contentType();
        if (type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
            return ONE_CLICK.equals(ctx.formParam("List-Unsubscribe"));
        }
        return ("List-Unsubscribe=" + ONE_CLICK).equals(ctx.body().strip());
    }
}
