package dev.gazette.delivery;

import dev.gazette.digest.RenderedAlert;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;

/**
 * What sending needs from alerts: the email for the matches one alert delivery carries, rendered. One composer
 * serves one send run, so templates are parsed once per run and rendered per subscriber.
 */
@FunctionalInterface
public interface AlertComposer {
    /** The email for the matches given to this delivery, or null when it carries none (its alerts were deleted). */
    RenderedAlert compose(Subscriber subscriber, long deliveryId, SubscriberLinks links);
}
