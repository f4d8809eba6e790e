package dev.gazette.delivery;

import java.util.Map;

/** Interim: replaced by the SMTP helper's record. */
public record OutgoingMessage(String messageId, String toAddress, String toName, String subject, String html,
        String text, Map<String, String> headers) {}
