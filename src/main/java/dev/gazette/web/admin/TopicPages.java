package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.config.TopicConfig;
import dev.gazette.topic.TopicOverride;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics in the console: each configured topic with its keywords in force, how many items carry it and how many
 * active subscribers follow it; its keywords can be edited (stored in the database, used from the next
 * collection) and reset to the configured ones. Slugs and names come from the configuration file only.
 */
final class TopicPages {
    private final Gazette gazette;
    private final AdminPages admin;

    /** A topic as the list shows it. */
    public record Row(TopicConfig topic, int items, int subscribers, TopicOverride override) {}

    TopicPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/topics", this::list);
        app.get("/admin/topics/{slug}", this::edit);
        app.post("/admin/topics/{slug}", this::save);
        app.post("/admin/topics/{slug}/reset", this::reset);
    }

    private void list(Context ctx) {
        Map<String, Integer> items = gazette.topics().itemCounts();
        Map<String, Integer> subscribers = gazette.topics().subscriberCounts();
        Map<String, TopicOverride> overrides = gazette.topics().overrides();
        List<Row> rows = new ArrayList<>();
        for (TopicConfig t : gazette.topics().effective()) {
            rows.add(new Row(t, items.getOrDefault(t.slug(), 0), subscribers.getOrDefault(t.slug(), 0),
                    overrides.get(t.slug())));
        }
        admin.render(ctx, "admin/topics", Map.of("rows", rows));
    }

    private void edit(Context ctx) {
        TopicConfig topic = topic(ctx);
        TopicConfig effective = effective(topic.slug());
        render(ctx, 200, topic, String.join("\n", effective.include()), String.join("\n", effective.exclude()), null);
    }

    private void save(Context ctx) {
        admin.verify(ctx);
        TopicConfig topic = topic(ctx);
        String include = ctx.formParam("include") == null ? "" : ctx.formParam("include");
        String exclude = ctx.formParam("exclude") == null ? "" : ctx.formParam("exclude");
        TopicConfig before = effective(topic.slug());
        try {
            gazette.topics().save(topic.slug(), lines(include), lines(exclude), admin.actor(ctx));
        } catch (GazetteException e) {
            render(ctx, 400, topic, include, exclude, e.getMessage());
            return;
        }
        TopicConfig after = effective(topic.slug());
        admin.audit(ctx, "topic.keywords", topic.slug(), "include " + before.include() + " → " + after.include()
                + "; exclude " + before.exclude() + " → " + after.exclude());
        admin.redirect(ctx, "/admin/topics", "topic.saved", 0);
    }

    private void reset(Context ctx) {
        admin.verify(ctx);
        TopicConfig topic = topic(ctx);
        if (gazette.topics().reset(topic.slug())) {
            admin.audit(ctx, "topic.reset", topic.slug(), "back to the configured keywords");
        }
        admin.redirect(ctx, "/admin/topics", "topic.reset", 0);
    }

    private void render(Context ctx, int status, TopicConfig topic, String include, String exclude, String problem) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("topic", topic);
        vars.put("include", include);
        vars.put("exclude", exclude);
        vars.put("problem", problem);
        vars.put("override", gazette.topics().overrides().get(topic.slug()));
        admin.render(ctx, status, "admin/topic", vars);
    }

    private TopicConfig topic(Context ctx) {
        return gazette.topics().configured(ctx.pathParam("slug")).orElseThrow(() -> new NotFoundResponse("no such topic"));
    }

    private TopicConfig effective(String slug) {
        return gazette.topics().effective().stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\\R"));
    }
}
