package dev.gazette.delivery;

/**
 * What the send run needs from a mail transport; implemented by the SMTP adapter. Thread-safe: several
 * threads may send at once (up to {@code mail.connections} of them are served in parallel).
 */
public interface Mailer extends AutoCloseable {

    /**
     * One attempt to hand one message over. Never throws for SMTP trouble: the outcome, including every
     * network and server failure, is the returned {@link SendResult}.
     *
     * @throws MessageRefusedException if the message itself cannot be sent safely (a line break in a header,
     *     an invalid address); nothing was sent, and sending it again will fail the same way
     */
    SendResult send(OutgoingMessage message);

    /** How long, all threads together, sends have waited for {@code delivery.rate-limit} so far. */
    default java.time.Duration rateLimited() {
        return java.time.Duration.ZERO;
    }

    @Override
    void close();
}
