package dev.gazette.web.api;

import io.javalin.http.Context;

/** One endpoint of the API: it runs only for a request with a working token ({@link ApiAuth}). */
@FunctionalInterface
interface ApiHandler {
    void handle(Context ctx, ApiCall call) throws Exception;
}
