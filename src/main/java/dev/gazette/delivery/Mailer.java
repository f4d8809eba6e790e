package dev.gazette.delivery;

/** What the send run needs from a mail transport; implemented by the SMTP adapter. Thread-safe. */
public interface Mailer extends AutoCloseable {
    /** One attempt to hand one message over; never throws for SMTP trouble, returns the outcome. */
    SendResult send(OutgoingMessage message);

    @Override
    void close();
}
