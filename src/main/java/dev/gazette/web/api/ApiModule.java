package dev.gazette.web.api;

import dev.gazette.Gazette;
import dev.gazette.web.WebModule;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The REST API under {@code /api/v1} (JSON, for the admin console's actions), its OpenAPI description at
 * {@code /api/openapi.yaml} (public), and {@code /metrics} in Prometheus' text format. The API and the metrics need
 * an API token ({@link ApiAuth}). Every call that is not a read (each POST, PUT, PATCH and DELETE that succeeds: the
 * changes, and the dry runs and selector tests too) is recorded in the audit log with the token's name as the actor
 * ({@code token:NAME}), and so is every export (personal data leaving); other reads are not, so a script polling a
 * send's progress or Prometheus scraping does not bury the log (the token keeps when it was last used).
 */
public final class ApiModule implements WebModule {
    /** Where the OpenAPI description is, on the class path. */
    static final String OPENAPI = "web/api/openapi.yaml";

    private final Gazette gazette;
    private final Supplier<Map<String, Instant>> nextRuns;
    private List<ApiRoutes.Route> routes = List.of();

    /** @param nextRuns when each source is next collected, by source id */
    public ApiModule(Gazette gazette, Supplier<Map<String, Instant>> nextRuns) {
        this.gazette = gazette;
        this.nextRuns = nextRuns;
    }

    @Override
    public void register(Javalin app) {
        ApiAuth auth = new ApiAuth(gazette.admin());
        app.before(ApiRoutes.PREFIX + "/*", auth::guard);
        ApiRoutes api = new ApiRoutes(app, auth);
        api.get("/token", (ctx, call) -> ctx.json(call.token()));
        new SourceEndpoints(gazette, nextRuns).register(api);
        new SubscriberEndpoints(gazette).register(api);
        new TopicEndpoints(gazette).register(api);
        new SendEndpoints(gazette).register(api);
        new DeliveryEndpoints(gazette).register(api);
        new EditorialEndpoints(gazette).register(api);
        new AlertEndpoints(gazette).register(api);
        api.addFallback();
        routes = api.routes();

        byte[] openApi = openApi();
        app.get("/api/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(openApi));

        GazetteMetrics metrics = new GazetteMetrics(gazette);
        app.get("/metrics", ctx -> {
            ctx.header("Cache-Control", "no-store");
            try {
                if (auth.authenticate(ctx).isPresent()) {
                    ctx.contentType(GazetteMetrics.CONTENT_TYPE).result(metrics.scrape());
                }
            } catch (RuntimeException e) {
                ApiRoutes.fail(ctx, e);
            }
        });
    }

    /** The endpoints under {@code /api/v1}, once registered. */
    List<ApiRoutes.Route> routes() {
        return routes;
    }

    private static byte[] openApi() {
        try (InputStream in = Objects.requireNonNull(ApiModule.class.getClassLoader().getResourceAsStream(OPENAPI),
                OPENAPI + " is missing from the class path")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI, e);
        }
    }
}
