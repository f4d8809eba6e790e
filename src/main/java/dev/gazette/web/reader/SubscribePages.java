package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderPages.model;

import dev.gazette.Gazette;
import dev.gazette.delivery.DeliveryKind;
import dev.gazette.delivery.DigestDispatcher;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebTemplates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribing with double opt-in. The form ({@code /}, {@code /subscribe}) stores a new address as PENDING and
 * mails it a confirm link; only once its owner confirms does it get digests, and an unconfirmed sign-up is deleted
 * after {@code subscribers.confirm-within}. An address that is on the list already is not changed at all: its owner
 * gets an email instead (subscribed: a link to their preferences; unsubscribed or bounced: a link to subscribe
 * again; still pending: the confirm link again), and the visitor sees the very same "check your inbox" page either
 * way, so the form reveals nothing about who is subscribed. At most one such email goes to an address per
 * {@link DigestDispatcher#NOTICE_INTERVAL}.
 *
 * <p>The confirm link opens a page with a button; the button (a POST) confirms. Mail scanners and link previews
 * follow the links in emails, so a GET that confirmed would subscribe addresses whose owners never saw the email.
 */
final class SubscribePages {
    private final Gazette gazette;
    private final WebTemplates pages;
    private final Csrf csrf;
    private final SignedLinks links;
    private final FormChoices choices;
    private final NoticeSender notices;

    SubscribePages(Gazette gazette, WebTemplates pages, Csrf csrf, SignedLinks links, FormChoices choices,
            NoticeSender notices) {
        this.gazette = gazette;
        this.pages = pages;
        this.csrf = csrf;
        this.links = links;
        this.choices = choices;
        this.notices = notices;
    }

    void register(Javalin app) {
        app.get("/", this::form);
        app.get("/subscribe", this::form);
        app.post("/subscribe", this::subscribe);
        app.get("/subscribe/sent", this::sent);
        app.get("/confirm/{token}", this::confirmPage);
        app.post("/confirm/{token}", this::confirm);
    }

    private void form(Context ctx) {
        String language = pages.locale(ctx).getLanguage();
        show(ctx, 200, SubscriptionForm.blank(gazette.config().subscribers().timeZone(), language), Map.of(), true);
    }

    /** @param guessZone let the page's script pick the browser's time zone (a fresh form, not one shown again) */
    private void show(Context ctx, int status, SubscriptionForm form, Map<String, String> errors, boolean guessZone) {
        pages.render(ctx, status, "reader/subscribe", model("form", form, "errors", errors, "guessZone", guessZone,
                "choices", choices.forPage(pages.locale(ctx), FormChoices.SIGN_UP_FREQUENCIES, form.timeZone()),
                "csrf", csrf.token(ctx)));
    }

    private void subscribe(Context ctx) {
        csrf.verify(ctx);
        SubscriptionForm form = SubscriptionForm.read(ctx);
        List<String> slugs = choices.topics().stream().map(FormChoices.Topic::slug).toList();
        Map<String, String> problems = form.problems(true, slugs);
        if (!problems.isEmpty()) {
            show(ctx, 400, form, problems, false);
            return;
        }
        Optional<Subscriber> created = gazette.subscribers().signUp(form.draft());
        if (created.isPresent()) {
            notices.send(created.get(), DeliveryKind.CONFIRM);
        } else {
            gazette.subscribers().findByEmail(form.email()).ifPresent(known -> notices.send(known,
                    known.status() == SubscriberStatus.PENDING ? DeliveryKind.CONFIRM : DeliveryKind.NOTICE));
        }
        ctx.redirect("/subscribe/sent", HttpStatus.SEE_OTHER);
    }

    private void sent(Context ctx) {
        pages.render(ctx, "reader/sent", model("hours", gazette.config().subscribers().confirmWithin().toHours(),
                "minutes", DigestDispatcher.NOTICE_INTERVAL.toMinutes()));
    }

    private void confirmPage(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.CONFIRM);
        pages.render(ctx, "reader/confirm", model("subscriber", subscriber, "token", SignedLinks.token(ctx),
                "csrf", csrf.token(ctx),
                "next", NextDigest.of(subscriber, gazette.clock().instant(), pages.locale(ctx)),
                "preferencesPath", "/preferences/" + gazette.tokens().issue(TokenPurpose.PREFERENCES, subscriber)));
    }

    /** Confirm a sign-up, or subscribe again an address that left; then show the confirm page, now confirmed. */
    private void confirm(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.CONFIRM);
        if (subscriber.status() != SubscriberStatus.ACTIVE) {
            gazette.subscribers().updateStatus(subscriber.id(), SubscriberStatus.ACTIVE);
        }
        ctx.redirect("/confirm/" + SignedLinks.token(ctx), HttpStatus.SEE_OTHER);
    }
}
