package dev.gazette.delivery;

import dev.gazette.digest.DigestLinks;
import dev.gazette.digest.RenderedDigest;
import dev.gazette.subscriber.Subscriber;
import java.time.Instant;

/**
 * What sending needs from digests: one subscriber's digest for a window, rendered. One composer serves one
 * send run, so templates are parsed once per run and rendered per subscriber.
 */
@FunctionalInterface
public interface DigestComposer {
    Composed compose(Subscriber subscriber, Instant windowStart, Instant windowEnd, DigestLinks links);

    /**
     * @param nothingNew no article and no event was first seen in the window
     * @param articlesByTopic how many new articles each topic's section holds (beyond the cap too), in order
     */
    record Composed(RenderedDigest digest, boolean nothingNew, java.util.Map<String, Integer> articlesByTopic) {
        public int itemCount() {
            return digest.articleCount() + digest.eventCount();
        }
    }
}
