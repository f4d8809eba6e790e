package dev.gazette.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fully rendered message, ready to be handed to a {@link Mailer}. Nothing here is checked for header
 * safety yet: the mailer refuses an unsafe message with a {@link MessageRefusedException} (see
 * {@link HeaderValues}, {@link MailAddresses} to check earlier).
 *
 * @param messageId the stable Message-ID without angle brackets, e.g. {@code d123.weekly-2026-11-23@gazette.example.org}
 * @param toAddress the recipient's bare address
 * @param toName the recipient's display name; empty for none
 * @param subject the subject, any Unicode text on one line
 * @param html the HTML part
 * @param text the plain-text part
 * @param headers extra headers in the order given (List-Unsubscribe, List-Unsubscribe-Post, List-Id, ...); values
 *     must be ASCII on one line
 */
public record OutgoingMessage(
        String messageId,
        String toAddress,
        String toName,
        String subject,
        String html,
        String text,
        Map<String, String> headers) {

    public OutgoingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        toName = toName == null ? "" : toName;
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
