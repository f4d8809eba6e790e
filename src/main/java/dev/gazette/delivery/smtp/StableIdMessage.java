package dev.gazette.delivery.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MimeMessage whose Message-ID is the one given, kept by {@code saveChanges()} instead of a random one. */
final class StableIdMessage extends MimeMessage {
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
