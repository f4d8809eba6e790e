package dev.gazette.config;

/**
 * The demo outbox: an embedded mail server that keeps every email sent, started when {@code mail.host} is empty.
 *
 * @param smtpPort the port Gazette sends to (0 picks a free one)
 * @param imapPort the port a mail client reads the outbox from, with any user name and password
 *     (0 picks a free one)
 */
public record OutboxConfig(int smtpPort, int imapPort) {}
