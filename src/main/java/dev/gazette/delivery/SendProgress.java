package dev.gazette.delivery;

/** Told of a send run's progress (a progress bar in a terminal; nothing elsewhere). */
public interface SendProgress {
    SendProgress NONE = new SendProgress() {};

    /** Deliveries now waiting to be sent. */
    default void waiting(int count) {}

    /** One delivery reached a final state, or was put back for a retry. */
    default void finished(Delivery delivery, DeliveryStatus outcome) {}
}
