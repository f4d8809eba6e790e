package dev.gazette.config;

import java.time.Duration;

/**
 * The SMTP server digests are handed to.
 *
 * @param host the SMTP server; empty means the demo outbox (an embedded server that keeps every email)
 * @param port the SMTP port
 * @param security none, starttls or tls
 * @param username the SMTP user; empty means no authentication
 * @param password the SMTP password (prefer the GAZETTE_MAIL_PASSWORD environment variable)
 * @param connectTimeout the longest wait for a connection
 * @param timeout the longest wait for a reply or a write
 * @param connections how many SMTP connections are kept open and used in parallel
 * @param outbox the demo outbox, used when {@code host} is empty
 */
public record MailConfig(
        String host,
        int port,
        MailSecurity security,
        String username,
        String password,
        Duration connectTimeout,
        Duration timeout,
        int connections,
        OutboxConfig outbox) {

    /** Whether email goes to the embedded demo outbox rather than a real SMTP server. */
    public boolean demoOutbox() {
        return host == null || host.isBlank();
    }

    @Override
    public String toString() {
        return "MailConfig[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=***, connectTimeout=" + connectTimeout + ", timeout=" + timeout + ", connections="
                + connections + ", outbox=" + outbox + "]";
    }
}
