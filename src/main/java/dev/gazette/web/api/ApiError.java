package dev.gazette.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gazette.alert.query.QueryProblem;
import java.util.List;

/**
 * The body of every error answer of the API: {@code {"error": {"status": 404, "message": "...", "details": [...]}}}.
 *
 * @param status the HTTP status again, for clients that only keep the body
 * @param message what went wrong, for people (never a stack trace)
 * @param details for bad input: each field's problem (omitted when there are none)
 * @param problem for an alert query that cannot be used: what is wrong and where (omitted otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ApiError(int status, String message, List<FieldProblem> details, QueryProblem problem) {

    ApiError(int status, String message, List<FieldProblem> details) {
        this(status, message, details, null);
    }

    /** The JSON document: the error under the key {@code error}. */
    record Body(ApiError error) {}

    /**
     * One problem of the input.
     *
     * @param field the field's name as sent ({@code email}, {@code page.item}, {@code topics[2]}), or a query
     *     parameter's, or {@code body} for the body as a whole
     */
    record FieldProblem(String field, String problem) {}

    Body body() {
        return new Body(this);
    }
}
