package dev.gazette.source;

import dev.gazette.GazetteException;
import java.util.List;

/**
 * A change to the sources that cannot be made as asked; {@link #problem()} says which way it is wrong, and for an
 * invalid definition {@link #details()} lists each problem as "key: what is wrong" (keys as in the configuration
 * file: "url", "page.item").
 */
public final class SourceChangeException extends GazetteException {
    private static final long serialVersionUID = 1L;

    /** Which way a change is wrong (a web page or API maps it to its answer). */
    public enum Problem {
        /** The definition is not valid; see the details. */
        INVALID,
        /** No source has that id. */
        NOT_FOUND,
        /** The source is defined in the configuration file: change it there (it can only be switched on or off). */
        READ_ONLY,
        /** A source with that id exists already. */
        CONFLICT
    }

    private final Problem problem;
    private final List<String> details;

    public SourceChangeException(Problem problem, String message, List<String> details) {
        super(details.isEmpty() ? message : message + ": " + String.join("; ", details));
        this.problem = problem;
        this.details = List.copyOf(details);
    }

    public SourceChangeException(Problem problem, String message) {
        this(problem, message, List.of());
    }

    public Problem problem() {
        return problem;
    }

    public List<String> details() {
        return details;
    }
}
