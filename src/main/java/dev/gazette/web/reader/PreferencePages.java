package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderPages.model;

import dev.gazette.Gazette;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberPreferences;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebTemplates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The preference centre, opened from the link in every email: topics, frequency (daily, weekly, paused), send day
 * and hour, time zone, language and name, with when the next digest arrives in the subscriber's zone. Daily readers
 * can step down to weekly with one button. "Revoke all my links" raises the subscriber's token version, so every
 * link sent so far (a forwarded email's, say) stops working; the visitor is taken to the page's new address. A
 * subscriber who left is offered to subscribe again. Every change is a POST with the CSRF field, answered with a
 * redirect to the page (so reloading it changes nothing).
 */
final class PreferencePages {
    /** What the page says was just done ({@code ?done=}), by its message key suffix. */
    private static final Set<String> DONE = Set.of("saved", "weekly", "revoked", "resubscribed", "calendar");

    private final Gazette gazette;
    private final WebTemplates pages;
    private final Csrf csrf;
    private final SignedLinks links;
    private final FormChoices choices;

    PreferencePages(Gazette gazette, WebTemplates pages, Csrf csrf, SignedLinks links, FormChoices choices) {
        this.gazette = gazette;
        this.pages = pages;
        this.csrf = csrf;
        this.links = links;
        this.choices = choices;
    }

    void register(Javalin app) {
        app.get("/preferences/{token}", this::page);
        app.post("/preferences/{token}", this::save);
        app.post("/preferences/{token}/weekly", this::stepDown);
        app.post("/preferences/{token}/revoke", this::revoke);
        app.post("/preferences/{token}/resubscribe", this::resubscribe);
    }

    private void page(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        String done = ctx.queryParam("done");
        show(ctx, 200, subscriber, SubscriptionForm.of(subscriber), Map.of(), done != null && DONE.contains(done) ? done : null);
    }

    private void show(Context ctx, int status, Subscriber subscriber, SubscriptionForm form, Map<String, String> errors,
            String done) {
        pages.render(ctx, status, "reader/preferences", model("subscriber", subscriber, "form", form, "errors", errors,
                "done", done, "token", SignedLinks.token(ctx), "csrf", csrf.token(ctx),
                "choices", choices.forPage(pages.locale(ctx), FormChoices.FREQUENCIES, form.timeZone()),
                "next", NextDigest.of(subscriber, gazette.clock().instant(), pages.locale(ctx)),
                "unsubscribePath", "/unsubscribe/" + gazette.tokens().issue(TokenPurpose.UNSUBSCRIBE, subscriber),
                "calendar", CalendarPages.Section.of(gazette, subscriber),
                "alertCount", gazette.alerts().of(subscriber.id()).size()));
    }

    private void save(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        if (subscriber.status() != SubscriberStatus.ACTIVE) {
            back(ctx, null); // the page says why there is nothing to change
            return;
        }
        SubscriptionForm form = SubscriptionForm.read(ctx);
        List<String> slugs = choices.topics().stream().map(FormChoices.Topic::slug).toList();
        Map<String, String> problems = form.problems(false, slugs);
        if (!problems.isEmpty()) {
            show(ctx, 400, subscriber, form, problems, null);
            return;
        }
        gazette.subscribers().updatePreferences(subscriber.id(), form.preferences());
        back(ctx, "saved");
    }

    /** One click from daily to weekly, everything else kept. */
    private void stepDown(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        if (subscriber.status() == SubscriberStatus.ACTIVE && subscriber.frequency() == Frequency.DAILY) {
            gazette.subscribers().updatePreferences(subscriber.id(),
                    SubscriberPreferences.of(subscriber).withFrequency(Frequency.WEEKLY));
        }
        back(ctx, "weekly");
    }

    /** Every link sent so far stops working; the visitor, who held a valid one, gets the page's new address. */
    private void revoke(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        gazette.subscribers().revokeTokens(subscriber.id());
        Subscriber renewed = gazette.subscribers().find(subscriber.id()).orElseThrow();
        ctx.redirect("/preferences/" + gazette.tokens().issue(TokenPurpose.PREFERENCES, renewed) + "?done=revoked",
                HttpStatus.SEE_OTHER);
    }

    private void resubscribe(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        if (subscriber.status() == SubscriberStatus.UNSUBSCRIBED || subscriber.status() == SubscriberStatus.BOUNCED) {
            gazette.subscribers().updateStatus(subscriber.id(), SubscriberStatus.ACTIVE);
        }
        back(ctx, "resubscribed");
    }

    private static void back(Context ctx, String done) {
        ctx.redirect("/preferences/" + SignedLinks.token(ctx) + (done == null ? "" : "?done=" + done), HttpStatus.SEE_OTHER);
    }
}
