package dev.gazette.delivery;

import dev.gazette.GazetteException;

/** A manual send that cannot be started as asked; {@link #problem()} says which way it is wrong. */
public final class SendJobException extends GazetteException {
    private static final long serialVersionUID = 1L;

    /** Which way a request is wrong (a web page or API maps it to its answer). */
    public enum Problem {
        /** The request itself is wrong: a missing or unknown topic, subscriber or address. */
        INVALID,
        /** The request key was used before for a different send. */
        KEY_REUSED,
        /** No such send. */
        NOT_FOUND
    }

    private final Problem problem;

    public SendJobException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
