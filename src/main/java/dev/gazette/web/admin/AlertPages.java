package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import dev.gazette.alert.AlertLimitException;
import dev.gazette.alert.AlertListing;
import dev.gazette.alert.AlertMatch;
import dev.gazette.alert.AlertNotFoundException;
import dev.gazette.alert.AlertVolume;
import dev.gazette.alert.Alerts;
import dev.gazette.alert.query.Highlighted;
import dev.gazette.alert.query.InvalidQueryException;
import dev.gazette.alert.query.QueryProblem;
import dev.gazette.delivery.Delivery;
import dev.gazette.item.Item;
import dev.gazette.subscriber.Subscriber;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keyword alerts in the console: every alert with its subscriber and matching volume (filtered by subscriber,
 * frequency and state), "test a query" over the last days' items, one alert with its latest matches and whether each
 * went out (pause, resume, delete), and an alert added for a subscriber from their page. Changes are POSTs with the
 * CSRF value, recorded in the audit log.
 */
final class AlertPages {
    /** The most alerts the list shows. */
    static final int LIST_SIZE = 200;
    static final int RECENT_MATCHES = 50;
    /** The most test results shown. */
    static final int TEST_RESULTS = 50;

    private final Gazette gazette;
    private final AdminPages admin;

    /** One latest match of an alert, with its item (null when the item is gone) and its email (null while waiting). */
    public record MatchRow(AlertMatch match, Item item, Delivery delivery) {}

    /** A tested item with its title and summary split into matched and unmatched pieces. */
    public record TestRow(Item item, Highlighted highlighted) {}

    /** A query that cannot be used, as the page shows it: the sentence and the query with a caret under the place. */
    public record Problem(String message, String query, String caret) {}

    AlertPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/alerts", this::list);
        app.get("/admin/alerts/{id}", this::show);
        app.post("/admin/alerts/{id}/pause", ctx -> pauseOrResume(ctx, true));
        app.post("/admin/alerts/{id}/resume", ctx -> pauseOrResume(ctx, false));
        app.post("/admin/alerts/{id}/delete", this::delete);
        app.post("/admin/subscribers/{id}/alerts", this::create);
    }

    private void list(Context ctx) {
        Alerts alerts = gazette.alerts();
        String email = text(ctx, "subscriber");
        AlertFrequency frequency = frequency(ctx.queryParam("frequency"));
        String state = text(ctx, "state");
        Boolean paused = "paused".equals(state) ? Boolean.TRUE : "active".equals(state) ? Boolean.FALSE : null;
        Map<String, Object> vars = new HashMap<>();
        Long subscriberId = null;
        boolean unknownSubscriber = false;
        if (email != null) {
            Optional<Subscriber> s = gazette.subscribers().findByEmail(email);
            unknownSubscriber = s.isEmpty();
            subscriberId = s.map(Subscriber::id).orElse(null);
        }
        List<AlertListing> rows = unknownSubscriber ? List.of()
                : alerts.store().listing(subscriberId, frequency, paused, LIST_SIZE + 1);
        vars.put("alerts", rows.size() > LIST_SIZE ? rows.subList(0, LIST_SIZE) : rows);
        vars.put("more", rows.size() > LIST_SIZE);
        vars.put("listSize", LIST_SIZE);
        vars.put("unknownSubscriber", unknownSubscriber);
        vars.put("subscriber", email == null ? "" : email);
        vars.put("frequency", frequency == null ? "" : frequency.name());
        vars.put("state", paused == null ? "" : state);
        vars.put("frequencies", AlertFrequency.values());
        String test = ctx.queryParam("test");
        vars.put("test", test == null ? "" : test);
        if (test != null && !test.isBlank()) {
            try {
                Alerts.QueryTest result = alerts.test(test);
                List<TestRow> tested = result.matched().stream().limit(TEST_RESULTS)
                        .map(item -> new TestRow(item, result.query().highlight(item))).toList();
                vars.put("tested", tested);
                vars.put("testResult", result);
            } catch (InvalidQueryException e) {
                vars.put("testProblem", problem(ctx, test, e.problem()));
            }
        }
        admin.render(ctx, "admin/alerts", vars);
    }

    private void show(Context ctx) {
        Alert alert = alert(ctx);
        Subscriber subscriber = gazette.subscribers().find(alert.subscriberId()).orElse(null);
        List<AlertMatch> matches = gazette.alerts().store().recentMatches(alert.id(), RECENT_MATCHES);
        Map<Long, Item> items = gazette.items().byIds(matches.stream().map(AlertMatch::itemId).distinct().toList())
                .stream().collect(Collectors.toMap(Item::id, Function.identity()));
        Map<Long, Delivery> deliveries = new HashMap<>();
        List<MatchRow> rows = new ArrayList<>();
        for (AlertMatch m : matches) {
            Delivery d = m.deliveryId() == null ? null : deliveries.computeIfAbsent(m.deliveryId(),
                    id -> gazette.digests().ledger().find(id).orElse(null));
            rows.add(new MatchRow(m, items.get(m.itemId()), d));
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("alert", alert);
        vars.put("subscriber", subscriber);
        vars.put("volume", gazette.alerts().store().volumes(List.of(alert.id())).getOrDefault(alert.id(),
                AlertVolume.NONE));
        vars.put("matches", rows);
        vars.put("recentLimit", RECENT_MATCHES);
        admin.render(ctx, "admin/alert", vars);
    }

    private void pauseOrResume(Context ctx, boolean pause) {
        admin.verify(ctx);
        Alert alert = alert(ctx);
        try {
            if (pause) {
                gazette.alerts().pause(alert.id());
            } else {
                gazette.alerts().resume(alert.id());
            }
        } catch (AlertNotFoundException e) {
            throw new NotFoundResponse("no such alert");
        }
        if (alert.paused() != pause) {
            admin.audit(ctx, pause ? "alert.pause" : "alert.resume", target(alert), "query '" + alert.query() + "'");
        }
        admin.redirect(ctx, "/admin/alerts/" + alert.id(), pause ? "alerts.paused" : "alerts.resumed", 0);
    }

    private void delete(Context ctx) {
        admin.verify(ctx);
        Alert alert = alert(ctx);
        String target = target(alert);
        try {
            gazette.alerts().delete(alert.id());
        } catch (AlertNotFoundException e) {
            throw new NotFoundResponse("no such alert");
        }
        admin.audit(ctx, "alert.delete", target, "query '" + alert.query() + "', " + alert.frequency().label());
        admin.redirect(ctx, "/admin/alerts", "alerts.deleted", 0);
    }

    private void create(Context ctx) {
        admin.verify(ctx);
        Subscriber s = subscriber(ctx);
        String query = ctx.formParam("query") == null ? "" : ctx.formParam("query");
        String frequencyText = ctx.formParam("frequency");
        AlertFrequency frequency = frequency(frequencyText);
        Problem problem = null;
        if (frequency == null) {
            problem = new Problem(admin.text(ctx, "admin.alerts.badFrequency", String.valueOf(frequencyText)), null, null);
        } else {
            try {
                Alert alert = gazette.alerts().create(s, query, frequency);
                admin.audit(ctx, "alert.create", s.email() + " alert " + alert.id(),
                        "query '" + alert.query() + "', " + alert.frequency().label());
                admin.redirect(ctx, "/admin/subscribers/" + s.id(), "alerts.created", alert.id());
                return;
            } catch (InvalidQueryException e) {
                problem = problem(ctx, query, e.problem());
            } catch (AlertLimitException e) {
                problem = new Problem(admin.text(ctx, "admin.alerts.limit", e.limit()), null, null);
            }
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("s", s);
        vars.put("query", query);
        vars.put("frequency", frequency == null ? AlertFrequency.DAILY.name() : frequency.name());
        vars.put("frequencies", AlertFrequency.values());
        vars.put("problem", problem);
        vars.put("alerts", gazette.alerts().store().listing(s.id(), LIST_SIZE));
        admin.render(ctx, 400, "admin/alert-new", vars);
    }

    /** The variables the subscriber page needs for its alerts section and its "add alert" form. */
    static Map<String, Object> ofSubscriber(Gazette gazette, Subscriber s) {
        return Map.of("alerts", gazette.alerts().store().listing(s.id(), LIST_SIZE),
                "alertFrequencies", AlertFrequency.values(),
                "alertLimit", gazette.alerts().config().maxPerSubscriber(),
                "alertMaxLength", gazette.alerts().config().maxQueryLength());
    }

    /** A query's problem in the page's language, with the query and a caret under its column when it has one. */
    Problem problem(Context ctx, String query, QueryProblem p) {
        String message = admin.text(ctx, "admin.alerts.problem." + p.kind().name(), p.detail());
        if (message.startsWith("??")) {
            message = p.message();
        } else if (p.column() > 0) {
            message = admin.text(ctx, "admin.alerts.problem.column", p.column(), message);
        }
        if (p.column() <= 0 || query == null) {
            return new Problem(message, null, null);
        }
        String line = query.replaceAll("\\R", " ");
        int points = line.codePointCount(0, line.length());
        int before = Math.min(p.column() - 1, points);
        return new Problem(message, line, " ".repeat(before) + "^");
    }

    private Alert alert(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such alert");
        }
        return gazette.alerts().find(id).orElseThrow(() -> new NotFoundResponse("no such alert"));
    }

    private Subscriber subscriber(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such subscriber");
        }
        return gazette.subscribers().find(id).orElseThrow(() -> new NotFoundResponse("no such subscriber"));
    }

    /** "ann@example.org alert 3", for the audit log. */
    private String target(Alert alert) {
        String email = gazette.subscribers().find(alert.subscriberId()).map(Subscriber::email)
                .orElse("subscriber " + alert.subscriberId());
        return email + " alert " + alert.id();
    }

    private static AlertFrequency frequency(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AlertFrequency.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
