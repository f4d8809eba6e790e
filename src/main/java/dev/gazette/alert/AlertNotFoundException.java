package dev.gazette.alert;

import dev.gazette.GazetteException;

/** No alert has the given id (it was deleted, or never existed). */
public final class AlertNotFoundException extends GazetteException {
    private static final long serialVersionUID = 1L;

    AlertNotFoundException(long alertId) {
        super("no alert " + alertId + " (it may have been deleted)");
    }
}
