package dev.gazette.delivery.smtp;

import java.time.Instant;

/**
 * A message kept by the {@link DemoOutbox}, for the web's outbox page.
 *
 * @param messageId the Message-ID without angle brackets ("" if it had none)
 * @param to the envelope recipient whose mailbox holds it
 * @param subject the decoded subject
 * @param receivedAt when the outbox received it
 * @param text the text/plain part ("" if none)
 * @param html the text/html part ("" if none)
 * @param raw the whole message as received, headers and MIME body
 */
public record OutboxMessage(String messageId, String to, String subject, Instant receivedAt, String text, String html,
        byte[] raw) {}
