package dev.gazette.delivery.smtp;

import dev.gazette.config.DeliveryConfig;
import dev.gazette.config.MailConfig;
import dev.gazette.config.MailSecurity;
import dev.gazette.config.OutboxConfig;
import dev.gazette.delivery.OutgoingMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings and messages for the mail tests. */
final class TestMail {
    /** So fast that the limiter never waits in tests that are not about it. */
    static final double UNLIMITED = 1_000_000;
    static final String UNSUBSCRIBE = "<https://gazette.example.org/unsubscribe/d123?t=Zx9_kQ2-aB>, "
            + "<mailto:unsubscribe@gazette.example.org?subject=unsubscribe-d123>";
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private TestMail() {}

    static MailConfig server(String host, int port, int connections, Duration timeout) {
        return new MailConfig(host, port, MailSecurity.NONE, "", "", Duration.ofSeconds(2), timeout, connections,
                new OutboxConfig(0, 0));
    }

    static MailConfig server(String host, int port, int connections) {
        return server(host, port, connections, Duration.ofSeconds(5));
    }

    static DeliveryConfig delivery(double rateLimit) {
        return new DeliveryConfig("Gazette 소식 <news@gazette.example.org>", "editor@gazette.example.org", "",
                rateLimit, 5, Duration.ofSeconds(2), Duration.ofMinutes(1));
    }

    static DeliveryConfig delivery() {
        return delivery(UNLIMITED);
    }

    static OutgoingMessage message(String id, String to) {
        return message(id, to, "Reader", "Weekly digest", Map.of());
    }

    static OutgoingMessage message(String id, String to, String name, String subject, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", UNSUBSCRIBE);
        headers.put("List-Unsubscribe-Post", ONE_CLICK);
        headers.putAll(extra);
        return new OutgoingMessage(id, to, name, subject,
                "<html><body><h1>" + subject + "</h1><p>Hello " + name + "</p></body></html>",
                subject + "\r\n\r\nHello " + name, headers);
    }
}
