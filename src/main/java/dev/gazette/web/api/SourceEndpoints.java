package dev.gazette.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gazette.Gazette;
import dev.gazette.config.PageSelectors;
import dev.gazette.config.SourceConfig;
import dev.gazette.source.ManagedSource;
import dev.gazette.source.SourceResult;
import dev.gazette.source.page.SelectorTestResult;
import dev.gazette.source.page.SelectorTester;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sources: list with health, get, add, replace, switch on and off, delete, fetch now, and try a page's selectors
 * before saving them ({@link dev.gazette.source.SourceCatalog}). Sources of the configuration file can only be
 * switched (409 otherwise).
 */
final class SourceEndpoints {
    private final Gazette gazette;
    private final Supplier<Map<String, Instant>> nextRuns;

    /**
     * A source as the API shows it: its definition, origin and health ({@link ManagedSource}), and when it is next
     * collected on schedule, if it is.
     */
    record SourceView(@JsonUnwrapped ManagedSource source, Instant nextRunAt) {}

    SourceEndpoints(Gazette gazette, Supplier<Map<String, Instant>> nextRuns) {
        this.gazette = gazette;
        this.nextRuns = nextRuns;
    }

    void register(ApiRoutes api) {
        api.get("/sources", (ctx, call) -> {
            Map<String, Instant> runs = nextRuns.get();
            ctx.json(gazette.sourceCatalog().list().stream()
                    .map(s -> new SourceView(s, runs.get(s.definition().id()))).toList());
        });
        api.post("/sources/test-selectors", this::testSelectors);
        api.get("/sources/{id}", (ctx, call) -> ctx.json(view(ctx.pathParam("id"))));
        api.post("/sources", this::add);
        api.put("/sources/{id}", this::update);
        api.post("/sources/{id}/enable", (ctx, call) -> setEnabled(ctx, call, true));
        api.post("/sources/{id}/disable", (ctx, call) -> setEnabled(ctx, call, false));
        api.delete("/sources/{id}", this::delete);
        api.post("/sources/{id}/fetch", this::fetch);
    }

    private SourceView view(String id) {
        ManagedSource source = gazette.sourceCatalog().get(id)
                .orElseThrow(() -> ApiException.notFound("there is no source '" + id + "'"));
        return new SourceView(source, nextRuns.get().get(id));
    }

    private void add(Context ctx, ApiCall call) {
        SourceConfig draft = SourceBodies.source(JsonBody.read(ctx), null);
        SourceConfig added = gazette.sourceCatalog().add(draft, call.actor());
        call.record("source.add", added.id(), added.type() + " " + added.url());
        ctx.status(201).header("Location", ApiRoutes.PREFIX + "/sources/" + added.id());
        ctx.json(view(added.id()));
    }

    private void update(Context ctx, ApiCall call) {
        String id = ctx.pathParam("id");
        SourceConfig draft = SourceBodies.source(JsonBody.read(ctx), id);
        SourceConfig updated = gazette.sourceCatalog().update(id, draft, call.actor());
        call.record("source.update", id, updated.type() + " " + updated.url());
        ctx.json(view(id));
    }

    private void setEnabled(Context ctx, ApiCall call, boolean enabled) {
        String id = ctx.pathParam("id");
        JsonBody.readOptional(ctx).finish();
        boolean was = gazette.sourceCatalog().find(id)
                .orElseThrow(() -> ApiException.notFound("there is no source '" + id + "'")).enabled();
        gazette.sourceCatalog().setEnabled(id, enabled, call.actor());
        if (was != enabled) {
            call.record(enabled ? "source.enable" : "source.disable", id, null);
        }
        ctx.json(view(id));
    }

    private void delete(Context ctx, ApiCall call) {
        String id = ctx.pathParam("id");
        if (!gazette.sourceCatalog().delete(id, call.actor())) {
            throw ApiException.notFound("there is no source '" + id + "'");
        }
        call.record("source.delete", id, "its items stay");
        ctx.status(204);
    }

    private void fetch(Context ctx, ApiCall call) {
        String id = ctx.pathParam("id");
        JsonBody.readOptional(ctx).finish();
        if (gazette.source(id).isEmpty()) {
            throw ApiException.notFound("there is no source '" + id + "' in effect");
        }
        SourceResult result = gazette.collectNow(id).results().get(0);
        call.record("source.fetch", id, result.status().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + result.created() + " new" + (result.error() == null ? "" : ": " + result.error()));
        ctx.json(result);
    }

    private void testSelectors(Context ctx, ApiCall call) {
        JsonBody body = JsonBody.read(ctx);
        String url = body.requiredString("url");
        JsonBody page = body.object("page");
        if (page == null && !body.hasProblems() && !body.has("page")) {
            body.problem("page", "is required: the selectors to try");
        }
        PageSelectors selectors = page == null ? null : SourceBodies.selectors(page);
        Integer limit = body.integer("limit");
        if (limit != null && (limit < 1 || limit > SelectorTester.MAX_ITEMS)) {
            body.problem("limit", "must be from 1 to " + SelectorTester.MAX_ITEMS);
        }
        body.finish();
        SelectorTestResult result = gazette.sourceCatalog().testSelectors(url, selectors,
                limit == null ? 10 : limit);
        call.record("source.test", url, result.found() + " items found, " + result.errors().size() + " errors");
        ctx.json(result);
    }
}
