package dev.gazette.delivery.smtp;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        byte[] raw) {

    /** One header of the message, unfolded and decoded (RFC 2047), as a mail client shows it. */
    public record HeaderField(String name, String value) {}

    /** The message's headers in order; one "(unreadable)" field when they cannot be read. */
    public List<HeaderField> headers() {
        List<HeaderField> fields = new ArrayList<>();
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            for (Header h : Collections.list(headers.getAllHeaders())) {
                fields.add(new HeaderField(h.getName(), decoded(h.getValue())));
            }
        } catch (MessagingException e) {
            fields.add(new HeaderField("(unreadable)", e.getMessage()));
        }
        return fields;
    }

    private static String decoded(String value) {
        String unfolded = MimeUtility.unfold(value == null ? "" : value);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }
}
