package dev.gazette.subscriber;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The public addresses of a subscriber's own pages, as written into emails. The web server answers these
 * paths; every one carries a signed token ({@link LinkTokens}), so no log-in is needed and none can be guessed.
 */
public final class SubscriberLinks {
    public static final String UNSUBSCRIBE_PATH = "/unsubscribe/";
    public static final String PREFERENCES_PATH = "/preferences/";
    public static final String CONFIRM_PATH = "/confirm/";
    public static final String VIEW_PATH = "/view/";
    /** Stop one alert: {@code /alerts/stop/{token}} (a page with a button, and the one-click POST). */
    public static final String STOP_ALERT_PATH = "/alerts/stop/";
    /** Stop every alert of a subscriber: {@code /alerts/stop-all/{token}} (page, and the one-click POST). */
    public static final String STOP_ALERTS_PATH = "/alerts/stop-all/";

    private final String baseUrl;
    private final LinkTokens tokens;

    /** @param baseUrl the public address of Gazette without a trailing slash, e.g. https://news.example.org */
    public SubscriberLinks(String baseUrl, LinkTokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    public String unsubscribeUrl(Subscriber subscriber) {
        return baseUrl + UNSUBSCRIBE_PATH + tokens.issue(TokenPurpose.UNSUBSCRIBE, subscriber);
    }

    public String preferencesUrl(Subscriber subscriber) {
        return baseUrl + PREFERENCES_PATH + tokens.issue(TokenPurpose.PREFERENCES, subscriber);
    }

    /**
     * The double opt-in link of a confirmation email (and of the resubscribe link sent to an address that left),
     * valid for the given time.
     */
    public String confirmUrl(Subscriber subscriber, Duration validFor) {
        return baseUrl + CONFIRM_PATH + tokens.issue(TokenPurpose.CONFIRM, subscriber, validFor);
    }

    /** The address of one sent email, to read it in a browser. */
    public String viewUrl(Subscriber subscriber, long deliveryId) {
        return baseUrl + VIEW_PATH + tokens.issue(TokenPurpose.VIEW, deliveryId, subscriber.tokenVersion(), null);
    }

    /** The preference centre's page of the subscriber's alerts (a preferences token). */
    public String alertsUrl(Subscriber subscriber) {
        return preferencesUrl(subscriber) + "/alerts";
    }

    /** Where one alert is stopped, the digest and other alerts left alone. */
    public String stopAlertUrl(Subscriber subscriber, long alertId) {
        return baseUrl + STOP_ALERT_PATH + tokens.issue(TokenPurpose.ALERT, alertId, subscriber.tokenVersion(), null);
    }

    /** Where every alert of the subscriber is stopped, the digest left alone. */
    public String stopAlertsUrl(Subscriber subscriber) {
        return baseUrl + STOP_ALERTS_PATH + tokens.issue(TokenPurpose.ALERTS, subscriber);
    }

    /**
     * The mailto: form of unsubscribing, for the List-Unsubscribe header: a message to the given address whose
     * subject carries the token.
     */
    public String unsubscribeMailto(String address, Subscriber subscriber) {
        String subject = "unsubscribe " + tokens.issue(TokenPurpose.UNSUBSCRIBE, subscriber);
        return "mailto:" + address + "?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public LinkTokens tokens() {
        return tokens;
    }
}
