package dev.gazette.web.api;

import dev.gazette.admin.Admin;
import dev.gazette.admin.ApiToken;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The token check in front of the API and {@code /metrics}: a request must carry {@code Authorization: Bearer
 * <token>} with a working token created by an admin ({@code gazette admin token create NAME}, or the console's API
 * tokens page), verified by {@link dev.gazette.admin.ApiTokens#verify}. Without one the answer is 401 with
 * {@code WWW-Authenticate: Bearer} (RFC 6750) and nothing runs. No cookie is read or set: the token is the request's
 * only authority, so there is nothing for another site to forge (no CSRF check is needed).
 */
final class ApiAuth {
    static final String REALM = "gazette";
    private static final String CALL = "gazette.api.call";

    private final Admin admin;

    ApiAuth(Admin admin) {
        this.admin = admin;
    }

    /** A before-handler: let the request through with its {@link ApiCall}, or answer 401. */
    void guard(Context ctx) {
        if (ctx.attribute(CALL) != null) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Optional<ApiToken> token;
        try {
            token = authenticate(ctx);
        } catch (RuntimeException e) {
            ApiRoutes.fail(ctx, e); // the database is unreachable, say
            token = Optional.empty();
        }
        if (token.isEmpty()) {
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(CALL, new ApiCall(token.get(), admin.audit()));
    }

    /** The request's working token; otherwise the 401 answer is written and empty returned. */
    Optional<ApiToken> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            refuse(ctx, "Bearer realm=\"" + REALM + "\"",
                    "this needs an API token: send 'Authorization: Bearer <token>' (create one with "
                            + "'gazette admin token create NAME' or on the console's API tokens page)");
            return Optional.empty();
        }
        String stripped = header.strip();
        if (!stripped.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            refuse(ctx, "Bearer realm=\"" + REALM + "\", error=\"invalid_request\"",
                    "the Authorization header must be 'Bearer <token>'");
            return Optional.empty();
        }
        Optional<ApiToken> token = admin.apiTokens().verify(stripped.substring("bearer ".length()));
        if (token.isEmpty()) {
            refuse(ctx, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"",
                    "the API token is not valid: unknown, mistyped or revoked");
        }
        return token;
    }

    /** The call a guarded request was let through with. */
    ApiCall call(Context ctx) {
        ApiCall call = ctx.attribute(CALL);
        if (call == null) {
            throw new IllegalStateException("no API token was checked for " + ctx.path());
        }
        return call;
    }

    private static void refuse(Context ctx, String challenge, String message) {
        ctx.header("WWW-Authenticate", challenge);
        ApiRoutes.respond(ctx, new ApiError(401, message, List.of()));
    }
}
