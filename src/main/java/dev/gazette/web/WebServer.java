package dev.gazette.web;

import dev.gazette.Gazette;
import dev.gazette.config.ServerConfig;
import dev.gazette.web.reader.ReaderPages;
import dev.gazette.web.admin.AdminModule;
import dev.gazette.web.api.ApiJson;
import dev.gazette.web.api.ApiModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gazette's web server (Javalin): each feature's pages and endpoints are a {@link WebModule}. Pages share one
 * layout and one set of texts ({@link WebTemplates}); forms are protected by {@link Csrf}.
 */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final Gazette gazette;
    private final Supplier<Map<String, Instant>> nextRuns;
    private final Supplier<Optional<Instant>> nextDigestRun;
    private final WebTemplates pages = new WebTemplates();
    private final Csrf csrf;

    public WebServer(Gazette gazette, Supplier<Map<String, Instant>> nextRuns) {
        this(gazette, nextRuns, Optional::empty);
    }

    /**
     * @param nextRuns when each source is next collected, by source id
     * @param nextDigestRun when due digests are next looked for, if scheduled
     */
    public WebServer(Gazette gazette, Supplier<Map<String, Instant>> nextRuns, Supplier<Optional<Instant>> nextDigestRun) {
        this.gazette = gazette;
        this.nextRuns = nextRuns;
        this.nextDigestRun = nextDigestRun;
        this.csrf = new Csrf(gazette.tokens(), gazette.config().server().publicUrl().startsWith("https:"));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
        });
        modules().forEach(module -> module.register(app));
    }

    /** Every part of the web server, in the order their routes are added. */
    private List<WebModule> modules() {
        return List.of(this::health, new ReaderPages(gazette, pages, csrf),
                new AdminModule(gazette, pages, csrf, nextRuns, nextDigestRun), new ApiModule(gazette, nextRuns));
    }

    /**
     * A health check (public, says only "up"), and refusals as pages: a form that failed its CSRF check gets a
     * page saying what to do, not a bare status (the API answers JSON errors of its own).
     */
    private void health(Javalin app) {
        app.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        app.exception(io.javalin.http.ForbiddenResponse.class, (e, ctx) -> {
            if (ctx.path().startsWith("/api/")) {
                ctx.status(403).json(Map.of("error", Map.of("status", 403, "message", e.getMessage())));
            } else {
                pages.render(ctx, 403, "forbidden", Map.of("message", e.getMessage()));
            }
        });
    }

    /** Start listening; returns the port actually bound (useful with port 0). */
    public int start(ServerConfig server) {
        app.start(server.host(), server.port());
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
