package dev.gazette.delivery;

import java.util.Objects;

/**
 * The outcome of one attempt to hand a message to the mail server.
 *
 * @param kind what happened
 * @param reply the server's reply text or the error, on one line, for the ledger
 */
public record SendResult(Kind kind, String reply) {

    /** What happened to one attempt. */
    public enum Kind {
        /** The server accepted the message (250 after the end of data). */
        SENT,
        /** Try again later: a 4xx reply, a timeout, a connection dropped before the final ".", no connection. */
        TRANSIENT,
        /** The server refused this message for good (5xx other than a bad recipient). */
        PERMANENT,
        /** The server refused the recipient's address (5xx to RCPT TO): the subscriber should be marked bounced. */
        REJECTED_RECIPIENT,
        /** The line dropped after the final "." was sent and before the reply: the message may have been delivered. */
        AMBIGUOUS
    }

    public SendResult {
        Objects.requireNonNull(kind, "kind");
        reply = reply == null ? "" : reply;
    }
}
