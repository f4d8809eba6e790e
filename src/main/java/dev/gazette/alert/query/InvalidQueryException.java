package dev.gazette.alert.query;

import dev.gazette.GazetteException;

/**
 * An alert query that cannot be used. Its message is the {@link QueryProblem#message()} sentence (with the
 * column when there is one), never the raw text of Lucene's parser errors.
 */
public final class InvalidQueryException extends GazetteException {
    private static final long serialVersionUID = 1L;

    private final transient QueryProblem problem;

    public InvalidQueryException(QueryProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    InvalidQueryException(QueryProblem.Kind kind, int column, String detail) {
        this(new QueryProblem(kind, column, detail));
    }

    /** What is wrong, and where. */
    public QueryProblem problem() {
        return problem;
    }
}
