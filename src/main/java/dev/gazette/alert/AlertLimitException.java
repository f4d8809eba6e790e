package dev.gazette.alert;

import dev.gazette.GazetteException;

/** A subscriber asked for more alerts than {@code alerts.max-per-subscriber} allows. */
public final class AlertLimitException extends GazetteException {
    private static final long serialVersionUID = 1L;
    private final int limit;

    AlertLimitException(String email, int limit) {
        super(email + " has " + limit + " alerts already, the most one subscriber can have"
                + " (alerts.max-per-subscriber); delete or change one instead");
        this.limit = limit;
    }

    /** The most alerts one subscriber may hold. */
    public int limit() {
        return limit;
    }
}
