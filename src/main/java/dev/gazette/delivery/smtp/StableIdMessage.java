package dev.gazette.delivery.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A MimeMessage whose Message-ID is the one given, kept by {@code saveChanges()} instead of a random one. An Angus
 * {@link SMTPMessage}, so a message sent as 8bit can say so in its MAIL command ({@code BODY=8BITMIME}).
 */
final class StableIdMessage extends SMTPMessage {
    private final String messageId;

    /** @param messageId the id without angle brackets, already checked */
    StableIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + messageId + ">");
    }
}
