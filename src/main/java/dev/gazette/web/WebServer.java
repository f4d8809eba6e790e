package dev.gazette.web;

import dev.gazette.config.ServerConfig;
import dev.gazette.item.ItemQuery;
import dev.gazette.item.ItemStore;
import dev.gazette.source.SourceStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.thymeleaf.TemplateEngine;

/**
 * Gazette's web server. For now: an overview page of sources and recent items, a health check, and
 * read-only JSON for sources and items.
 */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final SourceStore sources;
    private final ItemStore items;
    private final Supplier<Map<String, Instant>> nextRuns;
    private final TemplateEngine pages = WebTemplates.engine();

    public WebServer(SourceStore sources, ItemStore items, Supplier<Map<String, Instant>> nextRuns) {
        this.sources = sources;
        this.items = items;
        this.nextRuns = nextRuns;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "application/json";
        });
        app.get("/", this::overview);
        app.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        app.get("/api/sources", ctx -> ctx.json(sources.list()));
        app.get("/api/items", ctx -> ctx.json(items.list(new ItemQuery(ctx.queryParam("source"),
                ctx.queryParam("topic"), null, null, limit(ctx)))));
    }

    /** Start listening; returns the port actually bound (useful with port 0). */
    public int start(ServerConfig server) {
        app.start(server.host(), server.port());
        return app.port();
    }

    private void overview(Context ctx) {
        var page = new org.thymeleaf.context.Context(java.util.Locale.ENGLISH);
        page.setVariable("sources", sources.list());
        page.setVariable("items", items.list(new ItemQuery(null, null, null, null, 100)));
        page.setVariable("nextRuns", nextRuns.get());
        ctx.contentType("text/html; charset=utf-8").result(pages.process("overview", page));
    }

    private static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        try {
            return limit == null ? 100 : Math.max(1, Math.min(1000, Integer.parseInt(limit)));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
