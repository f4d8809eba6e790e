package dev.gazette.web.reader;

import dev.gazette.alert.Alert;
import dev.gazette.alert.Alerts;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryLedger;
import dev.gazette.subscriber.LinkTokens;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStore;
import dev.gazette.subscriber.TokenClaim;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.WebTemplates;
import dev.gazette.web.reader.InvalidLinkException.Reason;
import io.javalin.http.Context;

/**
 * Reads the signed token in a subscriber page's path ({@code /preferences/{token}} and the like) and finds whom it
 * stands for, or refuses it with an {@link InvalidLinkException}: a token that is not ours for this page (404),
 * expired, revoked by raising the subscriber's token version, or whose subscriber is gone (410). The page is then
 * shown in the subscriber's own language, unless the visitor chose one.
 */
final class SignedLinks {
    static final String TOKEN = "token";

    private final LinkTokens tokens;
    private final SubscriberStore subscribers;
    private final DeliveryLedger ledger;

    SignedLinks(LinkTokens tokens, SubscriberStore subscribers, DeliveryLedger ledger) {
        this.tokens = tokens;
        this.subscribers = subscribers;
        this.ledger = ledger;
    }

    /** The subscriber the path's token (made for this purpose) stands for. */
    Subscriber subscriber(Context ctx, TokenPurpose purpose) {
        TokenClaim claim = claim(ctx, purpose);
        Subscriber subscriber = subscribers.find(claim.subjectId()).orElseThrow(() -> new InvalidLinkException(Reason.GONE));
        return current(ctx, claim, subscriber);
    }

    /** The digest delivery of a view-in-browser token, and its subscriber. */
    Viewed delivery(Context ctx) {
        TokenClaim claim = claim(ctx, TokenPurpose.VIEW);
        Delivery delivery = ledger.find(claim.subjectId()).orElseThrow(() -> new InvalidLinkException(Reason.GONE));
        if (!delivery.kind().isDigest()) {
            throw new InvalidLinkException(Reason.INVALID); // only digests have a web copy
        }
        Subscriber subscriber = subscribers.find(delivery.subscriberId())
                .orElseThrow(() -> new InvalidLinkException(Reason.GONE));
        return new Viewed(delivery, current(ctx, claim, subscriber));
    }

    record Viewed(Delivery delivery, Subscriber subscriber) {}

    /** The alert of a stop-one-alert token ({@link TokenPurpose#ALERT}), and its subscriber. */
    Stopping alert(Context ctx, Alerts alerts) {
        TokenClaim claim = claim(ctx, TokenPurpose.ALERT);
        Alert alert = alerts.find(claim.subjectId()).orElseThrow(() -> new InvalidLinkException(Reason.GONE));
        Subscriber subscriber = subscribers.find(alert.subscriberId())
                .orElseThrow(() -> new InvalidLinkException(Reason.GONE));
        return new Stopping(alert, current(ctx, claim, subscriber));
    }

    record Stopping(Alert alert, Subscriber subscriber) {}

    /** The path's token, for links back to the same page. */
    static String token(Context ctx) {
        return ctx.pathParam(TOKEN);
    }

    private TokenClaim claim(Context ctx, TokenPurpose purpose) {
        String token = token(ctx);
        return tokens.verify(purpose, token).orElseThrow(() -> new InvalidLinkException(
                tokens.isExpired(purpose, token) ? Reason.EXPIRED : Reason.INVALID));
    }

    private static Subscriber current(Context ctx, TokenClaim claim, Subscriber subscriber) {
        if (!claim.isCurrentFor(subscriber)) {
            throw new InvalidLinkException(Reason.REVOKED);
        }
        ctx.attribute(WebTemplates.PREFERRED_LANGUAGE, subscriber.locale().getLanguage());
        return subscriber;
    }
}
