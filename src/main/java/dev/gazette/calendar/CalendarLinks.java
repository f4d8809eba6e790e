package dev.gazette.calendar;

import dev.gazette.subscriber.LinkTokens;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.TokenClaim;
import dev.gazette.subscriber.TokenPurpose;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The public addresses of calendars: one event's file, {@code /events/{ref}/event.ics}, and a subscriber's private
 * feed, {@code /calendar/{token}/gazette.ics} (also as {@code webcal://}). An event's reference is its item id and a
 * short keyed MAC of it, so that event ids cannot be walked through; a feed's token is a {@link LinkTokens} token for
 * {@link TokenPurpose#CALENDAR}, signed with the subscriber's calendar version.
 */
public final class CalendarLinks {
    public static final String EVENT_PATH = "/events/";
    public static final String EVENT_FILE = "/event.ics";
    public static final String FEED_PATH = "/calendar/";
    public static final String FEED_FILE = "/gazette.ics";
    /** Characters of the event MAC kept: 96 bits. */
    static final int MAC_LENGTH = 16;
    private static final String MAC_PURPOSE = "event";

    private final String baseUrl;
    private final LinkTokens tokens;

    /** @param baseUrl the public address of Gazette without a trailing slash, e.g. https://news.example.org */
    public CalendarLinks(String baseUrl, LinkTokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /** The reference of an event in its address: its id, "-", and a MAC of the id. */
    public String eventRef(long itemId) {
        return itemId + "-" + mac(itemId);
    }

    /** The item id a reference names, when its MAC is right; empty for anything else. */
    public Optional<Long> itemId(String ref) {
        if (ref == null || ref.length() > 40) {
            return Optional.empty();
        }
        int dash = ref.indexOf('-');
        if (dash <= 0 || !ref.substring(0, dash).matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        long id = Long.parseLong(ref.substring(0, dash));
        byte[] expected = mac(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = ref.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
    }

    /** The "add to calendar" address of one event. */
    public String eventUrl(long itemId) {
        return baseUrl + EVENT_PATH + eventRef(itemId) + EVENT_FILE;
    }

    /** The subscriber's private feed, over https (or http when Gazette is served so). */
    public String feedUrl(Subscriber subscriber) {
        return baseUrl + FEED_PATH + tokens.issue(TokenPurpose.CALENDAR, subscriber) + FEED_FILE;
    }

    /** The same feed as a {@code webcal://} address, which calendar apps open as a subscription. */
    public String webcalUrl(Subscriber subscriber) {
        String feed = feedUrl(subscriber);
        return "webcal://" + feed.substring(feed.indexOf("://") + 3);
    }

    /** What a feed token claims, if it is a genuine calendar token (whether still current is for the caller). */
    public Optional<TokenClaim> feedClaim(String token) {
        return tokens.verify(TokenPurpose.CALENDAR, token);
    }

    private String mac(long itemId) {
        return tokens.mac(MAC_PURPOSE, Long.toString(itemId)).substring(0, MAC_LENGTH);
    }
}
