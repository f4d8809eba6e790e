package dev.gazette.subscriber;

/**
 * Filters for listing subscribers, in id order; null means "any".
 *
 * @param status only subscribers in this state
 * @param topic only subscribers following this topic slug
 * @param search only subscribers whose address or name contains this text (case-insensitive)
 * @param afterId only subscribers with a larger id: pass the last id of one page to get the next
 * @param limit the most subscribers returned
 */
public record SubscriberQuery(SubscriberStatus status, String topic, String search, long afterId, int limit) {

    public SubscriberQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    /** Every subscriber. */
    public static SubscriberQuery all() {
        return new SubscriberQuery(null, null, null, 0, Integer.MAX_VALUE);
    }

    /** The same filters, for the page after the given id. */
    public SubscriberQuery after(long id, int pageSize) {
        return new SubscriberQuery(status, topic, search, id, pageSize);
    }
}
