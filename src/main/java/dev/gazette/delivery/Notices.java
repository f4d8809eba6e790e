package dev.gazette.delivery;

import dev.gazette.digest.DigestLinks;
import dev.gazette.digest.NoticeRenderer;
import dev.gazette.digest.RenderedNotice;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;
import dev.gazette.subscriber.SubscriberStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The emails about a subscription, composed when they are sent from where the subscriber stands then: a CONFIRM
 * delivery to a sign-up still waiting is the double opt-in link; to one who confirmed meanwhile it is skipped. A
 * NOTICE goes to an address someone entered on the subscribe form although it is on the list: "subscribed
 * already" with the preference centre's link when it gets digests, a link to subscribe again when it left or
 * bounced (that link is a confirm link too: following it proves the address is theirs). Confirm links expire
 * after {@code subscribers.confirm-within}.
 */
final class Notices {
    private final NoticeRenderer renderer;
    private final SubscriberLinks links;
    private final Duration confirmWithin;
    private final Clock clock;

    Notices(NoticeRenderer renderer, SubscriberLinks links, Duration confirmWithin, Clock clock) {
        this.renderer = renderer;
        this.links = links;
        this.confirmWithin = confirmWithin;
        this.clock = clock;
    }

    /** The email for a CONFIRM or NOTICE delivery now, or why it is not sent any more. */
    Composed compose(Delivery delivery, Subscriber subscriber) {
        SubscriberStatus status = subscriber.status();
        if (delivery.kind() == DeliveryKind.CONFIRM && status != SubscriberStatus.PENDING) {
            return Composed.skip("not sent: the subscriber is " + status.name().toLowerCase(Locale.ROOT) + " now");
        }
        return Composed.of(switch (status) {
            case PENDING -> renderer.confirm(subscriber, links.confirmUrl(subscriber, confirmWithin),
                    clock.instant().plus(confirmWithin));
            case ACTIVE -> renderer.alreadySubscribed(subscriber,
                    new DigestLinks(links.preferencesUrl(subscriber), links.unsubscribeUrl(subscriber), null));
            case UNSUBSCRIBED, BOUNCED -> renderer.subscribeAgain(subscriber, links.confirmUrl(subscriber, confirmWithin),
                    clock.instant().plus(confirmWithin));
        });
    }

    /** @param skipReason why nothing is sent (the email is null then), or null */
    record Composed(RenderedNotice email, String skipReason) {
        static Composed of(RenderedNotice email) {
            return new Composed(email, null);
        }

        static Composed skip(String reason) {
            return new Composed(null, reason);
        }
    }
}
