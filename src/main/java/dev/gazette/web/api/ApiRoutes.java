package dev.gazette.web.api;

import dev.gazette.GazetteException;
import dev.gazette.alert.AlertLimitException;
import dev.gazette.alert.AlertNotFoundException;
import dev.gazette.alert.query.InvalidQueryException;
import dev.gazette.delivery.SendJobException;
import dev.gazette.source.SourceChangeException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the endpoints of the API under {@value #PREFIX}, each behind the token check, and answers every failure with
 * the JSON error ({@link ApiError}) and its status: the features' own refusals ({@link SourceChangeException},
 * {@link SendJobException}, an alert query that cannot be used (400 with its problem), the alerts limit (409)) by
 * their kind, anything unexpected with 500, its stack trace in the server's log only
 * (under a reference the answer names).
 */
final class ApiRoutes {
    static final String PREFIX = "/api/v1";
    private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An endpoint as added: its method and path (with {@code {name}} for path parameters). */
    record Route(String method, String path) {}

    private final Javalin app;
    private final ApiAuth auth;
    private final List<Route> routes = new ArrayList<>();

    ApiRoutes(Javalin app, ApiAuth auth) {
        this.app = app;
        this.auth = auth;
    }

    void get(String path, ApiHandler handler) {
        add(HandlerType.GET, path, handler);
    }

    void post(String path, ApiHandler handler) {
        add(HandlerType.POST, path, handler);
    }

    void put(String path, ApiHandler handler) {
        add(HandlerType.PUT, path, handler);
    }

    void patch(String path, ApiHandler handler) {
        add(HandlerType.PATCH, path, handler);
    }

    void delete(String path, ApiHandler handler) {
        add(HandlerType.DELETE, path, handler);
    }

    /** The endpoints added so far. */
    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** After every endpoint: any other path under the prefix is a JSON 404 (after the token check). */
    void addFallback() {
        for (HandlerType type : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                HandlerType.DELETE)) {
            app.addHttpHandler(type, PREFIX + "/*", ctx -> run(ctx, (c, call) -> {
                throw ApiException.notFound("there is no endpoint " + c.method() + " " + c.path()
                        + " (every endpoint is listed in /api/openapi.yaml)");
            }));
        }
    }

    private void add(HandlerType type, String path, ApiHandler handler) {
        routes.add(new Route(type.name(), PREFIX + path));
        app.addHttpHandler(type, PREFIX + path, ctx -> run(ctx, handler));
    }

    private void run(Context ctx, ApiHandler handler) {
        try {
            handler.handle(ctx, auth.call(ctx));
        } catch (Exception e) {
            fail(ctx, e);
        }
    }

    /** Answer with the JSON error for this failure. */
    static void fail(Context ctx, Exception failure) {
        ApiError error;
        if (failure instanceof ApiException e) {
            error = new ApiError(e.status(), e.getMessage(), e.details());
        } else if (failure instanceof SourceChangeException e) {
            error = sourceError(e);
        } else if (failure instanceof InvalidQueryException e) {
            error = new ApiError(400, "query: " + e.getMessage(),
                    List.of(new ApiError.FieldProblem("query", e.getMessage())), e.problem());
        } else if (failure instanceof AlertLimitException e) {
            error = new ApiError(409, e.getMessage(), List.of());
        } else if (failure instanceof AlertNotFoundException e) {
            error = new ApiError(404, e.getMessage(), List.of());
        } else if (failure instanceof SendJobException e) {
            error = new ApiError(switch (e.problem()) {
                case INVALID -> 400;
                case KEY_REUSED -> 409;
                case NOT_FOUND -> 404;
            }, e.getMessage(), List.of());
        } else {
            error = unexpected(ctx, failure);
        }
        respond(ctx, error);
    }

    static void respond(Context ctx, ApiError error) {
        ctx.status(error.status());
        ctx.header("Cache-Control", "no-store");
        ctx.json(error.body());
    }

    private static ApiError sourceError(SourceChangeException e) {
        int status = switch (e.problem()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case READ_ONLY, CONFLICT -> 409;
        };
        List<ApiError.FieldProblem> details = e.details().stream().map(ApiRoutes::fieldProblem).toList();
        return new ApiError(status, e.getMessage(), details);
    }

    /** "page.item: is required" as a field and its problem (the keys are the configuration file's). */
    private static ApiError.FieldProblem fieldProblem(String detail) {
        int colon = detail.indexOf(": ");
        if (colon <= 0) {
            return new ApiError.FieldProblem("body", detail);
        }
        return new ApiError.FieldProblem(SourceBodies.apiField(detail.substring(0, colon)), detail.substring(colon + 2));
    }

    private static ApiError unexpected(Context ctx, Exception failure) {
        String reference = HexFormat.of().formatHex(bytes());
        log.error("API {} {} failed (reference {}): {}", ctx.method(), ctx.path(), reference, failure.getMessage(),
                failure);
        String message = failure instanceof GazetteException ? failure.getMessage() + " (reference " + reference + ")"
                : "the server failed to answer; its log has the details under reference " + reference;
        return new ApiError(500, message, List.of());
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
