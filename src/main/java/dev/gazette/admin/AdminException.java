package dev.gazette.admin;

import dev.gazette.GazetteException;

/** A refused admin operation (a weak password, a name taken, no such admin): the message says why, for people. */
public class AdminException extends GazetteException {
    private static final long serialVersionUID = 1L;

    public AdminException(String message) {
        super(message);
    }
}
