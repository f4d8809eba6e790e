package dev.gazette.web.api;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.topic.TopicOverride;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Topics: each configured topic with its keywords in force, how many items carry it and how many active subscribers
 * follow it; its keywords can be replaced (kept in the database, used from the next collection) and reset to the
 * configured ones. Slugs and names come from the configuration file only.
 */
final class TopicEndpoints {
    private final Gazette gazette;

    /**
     * A topic as the API shows it.
     *
     * @param include the keywords in force (edited or configured)
     * @param edited whether the keywords were edited (in the console or the API) rather than configured
     * @param items stored items that carry it
     * @param subscribers active subscribers who follow it
     */
    record TopicView(String slug, String name, List<String> include, List<String> exclude, boolean edited,
            String editedBy, Instant editedAt, int items, int subscribers) {}

    TopicEndpoints(Gazette gazette) {
        this.gazette = gazette;
    }

    void register(ApiRoutes api) {
        api.get("/topics", (ctx, call) -> ctx.json(views()));
        api.get("/topics/{slug}", (ctx, call) -> ctx.json(view(slug(ctx))));
        api.put("/topics/{slug}/keywords", this::saveKeywords);
        api.delete("/topics/{slug}/keywords", this::reset);
    }

    private List<TopicView> views() {
        Map<String, Integer> items = gazette.topics().itemCounts();
        Map<String, Integer> subscribers = gazette.topics().subscriberCounts();
        Map<String, TopicOverride> overrides = gazette.topics().overrides();
        return gazette.topics().effective().stream().map(t -> {
            TopicOverride o = overrides.get(t.slug());
            return new TopicView(t.slug(), t.name(), t.include(), t.exclude(), o != null,
                    o == null ? null : o.updatedBy(), o == null ? null : o.updatedAt(),
                    items.getOrDefault(t.slug(), 0), subscribers.getOrDefault(t.slug(), 0));
        }).toList();
    }

    private TopicView view(String slug) {
        return views().stream().filter(v -> v.slug().equals(slug)).findFirst()
                .orElseThrow(() -> ApiException.notFound("there is no topic '" + slug + "'"));
    }

    private void saveKeywords(Context ctx, ApiCall call) {
        String slug = slug(ctx);
        JsonBody body = JsonBody.read(ctx);
        List<String> include = body.strings("include");
        List<String> exclude = body.strings("exclude");
        if (include == null && !body.hasProblems()) {
            body.problem("include", "is required (a list; [] for none)");
        }
        body.finish();
        TopicView before = view(slug);
        try {
            gazette.topics().save(slug, include, exclude == null ? List.of() : exclude, call.actor());
        } catch (GazetteException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        TopicView after = view(slug);
        call.record("topic.keywords", slug, "include " + before.include() + " → " + after.include() + "; exclude "
                + before.exclude() + " → " + after.exclude());
        ctx.json(after);
    }

    private void reset(Context ctx, ApiCall call) {
        String slug = slug(ctx);
        if (gazette.topics().reset(slug)) {
            call.record("topic.reset", slug, "back to the configured keywords");
        }
        ctx.json(view(slug));
    }

    private String slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        gazette.topics().configured(slug).orElseThrow(() -> ApiException.notFound("there is no topic '" + slug + "'"));
        return slug;
    }
}
