package dev.gazette.delivery;

import dev.gazette.GazetteException;
import dev.gazette.config.DeliveryConfig;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers mailbox providers expect on a digest: RFC 2369 {@code List-Unsubscribe} with an https and a
 * mailto link, RFC 8058 {@code List-Unsubscribe-Post} for one-click unsubscribing, and {@code List-Id}.
 */
final class MessageHeaders {
    private final String unsubscribeAddress;
    private final String listId;
    private final String alertsListId;

    MessageHeaders(DeliveryConfig config) {
        InternetAddress from = parse("delivery.from", config.from());
        this.unsubscribeAddress = config.unsubscribeMailto() == null || config.unsubscribeMailto().isBlank()
                ? from.getAddress()
                : parse("delivery.unsubscribe-mailto", config.unsubscribeMailto()).getAddress();
        this.listId = "Gazette digest <digest." + domain(from.getAddress()) + ">";
        this.alertsListId = "Gazette alerts <alerts." + domain(from.getAddress()) + ">";
    }

    /** The domain of the From address, for Message-IDs. */
    static String domain(String fromConfig) {
        String address = parse("delivery.from", fromConfig).getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    Map<String, String> forDigest(Subscriber subscriber, SubscriberLinks links) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + links.unsubscribeUrl(subscriber) + ">, <"
                + links.unsubscribeMailto(unsubscribeAddress, subscriber) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", listId);
        return headers;
    }

    /**
     * The headers of an alert email: its one-click unsubscribe stops the subscriber's alerts and leaves their digest
     * alone (the alerts are a list of their own, with their own List-Id); the email's footer links to both.
     */
    Map<String, String> forAlerts(Subscriber subscriber, SubscriberLinks links) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + links.stopAlertsUrl(subscriber) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", alertsListId);
        return headers;
    }

    private static InternetAddress parse(String key, String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            if (address.getAddress() == null || !address.getAddress().contains("@")) {
                throw new AddressException("no domain");
            }
            return address;
        } catch (AddressException e) {
            throw new GazetteException(key + ": '" + value + "' is not an email address: " + e.getMessage(), e);
        }
    }
}
