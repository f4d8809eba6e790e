package dev.gazette.digest;

import java.util.List;

/**
 * What the templates of emails about a subscription ({@code confirm.*}, {@code already.*}) see as
 * {@code ${notice}}. The name is raw text: print it with {@code th:text} or {@code [[...]]}, which escape.
 *
 * @param name the subscriber's name ("" when none)
 * @param topics the names of the topics the subscription is for, in the configured order
 * @param topicList the same, joined with ", "
 * @param frequency "daily", "weekly" or "paused"
 * @param frequencyLabel the frequency in the reader's language ({@code digest.edition.*}; "" when paused)
 * @param actionUrl what the email's button opens: the confirm link (confirm, or subscribe again), or the
 *     preference centre (already subscribed)
 * @param expires when a confirm link stops working, in the reader's zone and language; "" when it does not
 * @param active the address gets digests already ({@code already.*}: "you are subscribed"); otherwise it left or
 *     bounced ("subscribe again?")
 */
public record NoticeView(
        String name,
        List<String> topics,
        String topicList,
        String frequency,
        String frequencyLabel,
        String actionUrl,
        String expires,
        boolean active) {

    public NoticeView {
        topics = List.copyOf(topics);
    }

    /**
     * The links of the shared layout's footer: a subscriber's preferences and unsubscribe links, or none (null) for
     * an address that has not confirmed or has left. A notice has no web copy.
     */
    public record Links(String preferencesUrl, String unsubscribeUrl) {
        public static final Links NONE = new Links(null, null);

        public String viewInBrowserUrl() {
            return null;
        }
    }
}
