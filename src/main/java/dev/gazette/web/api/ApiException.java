package dev.gazette.web.api;

import dev.gazette.GazetteException;
import java.util.List;

/**
 * A request the API answers with an error: its HTTP status, a message for the person calling, and for bad input
 * each field's problem. {@link ApiRoutes} turns it into the JSON error ({@link ApiError}).
 */
final class ApiException extends GazetteException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<ApiError.FieldProblem> details;

    ApiException(int status, String message, List<ApiError.FieldProblem> details) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
    }

    ApiException(int status, String message) {
        this(status, message, List.of());
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** Bad input in one field. */
    static ApiException badField(String field, String problem) {
        return new ApiException(400, field + ": " + problem, List.of(new ApiError.FieldProblem(field, problem)));
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    int status() {
        return status;
    }

    List<ApiError.FieldProblem> details() {
        return details;
    }
}
